//! Two serialisers of the history beside the generated one, each doing
//! less of its work, to measure what limits the generated encoder. Both
//! write the same bytes as the generated code (checked before timing) and
//! differ from it only in how `message` is written:
//!
//! - [`encode_with_stored_flags`] takes each message's two flag words from
//!   a table filled before timing instead of computing them from the
//!   message's 30 optional fields and 15 `true` flags: what a value that
//!   kept its flags up to date as its fields were set would save. It still
//!   tests every optional field, as the generated serialiser does.
//! - [`encode_known_fields`] also skips the optional fields this input
//!   never sets: the least any serialiser of `message` could do for
//!   this input, since it needs no test at all to know what is there.
//!
//! Everything else (the response's header, the other constructors, the
//! vectors) is the generated code's.

use tl_types::wire::VECTOR_ID;
use tl_types::{Encode, Identifiable, Place, Sink, Writer, enums, types};

/// Each message's `flags` and `flags2`, in order: what the generated
/// serialiser computes before writing a message.
pub type Flags = Vec<(u32, u32)>;

/// The history's response, which the benchmark's input is.
fn channel_messages(history: &enums::messages::Messages) -> &types::messages::ChannelMessages {
    match history {
        enums::messages::Messages::ChannelMessages(response) => response,
        _ => panic!("the history is a messages.channelMessages"),
    }
}

/// The two flag words of each message, read from the generated
/// serialiser's output, where they follow the constructor id.
pub fn stored_flags(history: &enums::messages::Messages) -> Flags {
    channel_messages(history)
        .messages
        .iter()
        .map(|message| {
            let bytes = message.to_bytes().expect("the message encodes");
            let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
            (word(4), word(8))
        })
        .collect()
}

/// Writes the history with `write_message` for each `message` and the
/// generated code for the rest.
fn encode_history<'w, S: Sink + ?Sized>(
    history: &enums::messages::Messages,
    out: Place<'w, S>,
    mut write_message: impl FnMut(usize, &types::Message, Place<'w, S>) -> Place<'w, S>,
) -> Place<'w, S> {
    let response = channel_messages(history);
    let flags: u32 =
        u32::from(response.inexact) << 1 | u32::from(response.offset_id_offset.is_some()) << 2;
    let mut out = out
        .put_run((
            types::messages::ChannelMessages::CONSTRUCTOR_ID,
            flags,
            response.pts,
            response.count,
        ))
        .write_optional(response.offset_id_offset.as_ref())
        .put_run((VECTOR_ID, response.messages.len() as u32));
    for (index, message) in response.messages.iter().enumerate() {
        out = match message {
            enums::Message::Message(message) => {
                let out = types::Message::CONSTRUCTOR_ID.write_to(out);
                write_message(index, message, out)
            }
            other => other.write_to(out),
        };
    }
    out.write(&response.topics)
        .write(&response.chats)
        .write(&response.users)
}

/// The history, each message's flags taken from `flags`.
pub fn encode_with_stored_flags(
    history: &enums::messages::Messages,
    flags: &Flags,
    buffer: &mut Vec<u8>,
) {
    let mut out = Writer::new(buffer);
    out.write(&History(history, Messages::WithStoredFlags(flags)));
    out.finish().expect("the history encodes");
}

/// The history, each message written with only the fields this input
/// sets: `from_id`, `reply_to`, `media`, `entities`, `views`, `forwards`
/// and `edit_date` of the optional ones.
pub fn encode_known_fields(history: &enums::messages::Messages, buffer: &mut Vec<u8>) {
    let mut out = Writer::new(buffer);
    out.write(&History(history, Messages::KnownFields));
    out.finish().expect("the history encodes");
}

/// `message` as the generated serialiser writes it, with its flags given.
#[inline(never)]
fn write_with_stored_flags<'w, S: Sink + ?Sized>(
    message: &types::Message,
    (flags, flags2): (u32, u32),
    out: Place<'w, S>,
) -> Place<'w, S> {
    let out = out.put_run((flags, flags2, message.id));
    let out = out.write_optional(message.from_id.as_ref());
    let out = out.write_optional(message.from_boosts_applied.as_ref());
    let out = out.write_optional(message.from_rank.as_ref());
    let out = message.peer_id.write_to(out);
    let out = out.write_optional(message.saved_peer_id.as_ref());
    let out = out.write_optional(message.fwd_from.as_ref());
    let out = out.write_optional(message.via_bot_id.as_ref());
    let out = out.write_optional(message.via_business_bot_id.as_ref());
    let out = out.write_optional(message.guestchat_via_from.as_ref());
    let out = out.write_optional(message.reply_to.as_ref());
    let out = message.date.write_to(out);
    let out = message.message.write_to(out);
    let out = out.write_optional(message.media.as_ref());
    let out = out.write_optional(message.reply_markup.as_ref());
    let out = out.write_optional(message.entities.as_ref());
    let out = out.write_optional(message.views_and_forwards.as_ref().map(|value| &value.0));
    let out = out.write_optional(message.views_and_forwards.as_ref().map(|value| &value.1));
    let out = out.write_optional(message.replies.as_ref());
    let out = out.write_optional(message.edit_date.as_ref());
    let out = out.write_optional(message.post_author.as_ref());
    let out = out.write_optional(message.grouped_id.as_ref());
    let out = out.write_optional(message.reactions.as_ref());
    let out = out.write_optional(message.restriction_reason.as_ref());
    let out = out.write_optional(message.ttl_period.as_ref());
    let out = out.write_optional(message.quick_reply_shortcut_id.as_ref());
    let out = out.write_optional(message.effect.as_ref());
    let out = out.write_optional(message.factcheck.as_ref());
    let out = out.write_optional(message.report_delivery_until_date.as_ref());
    let out = out.write_optional(message.paid_message_stars.as_ref());
    let out = out.write_optional(message.suggested_post.as_ref());
    let out = out.write_optional(message.schedule_repeat_period.as_ref());
    let out = out.write_optional(message.summary_from_language.as_ref());
    out.write_optional(message.rich_message.as_ref())
}

/// `message` with only the fields this input sets.
#[inline(never)]
fn write_known_fields<'w, S: Sink + ?Sized>(
    message: &types::Message,
    out: Place<'w, S>,
) -> Place<'w, S> {
    let flags: u32 = u32::from(message.from_id.is_some()) << 8
        | u32::from(message.reply_to.is_some()) << 3
        | u32::from(message.media.is_some()) << 9
        | u32::from(message.entities.is_some()) << 7
        | u32::from(message.views_and_forwards.is_some()) << 10
        | u32::from(message.edit_date.is_some()) << 15;
    let out = out.put_run((flags, 0_u32, message.id));
    let out = out.write_optional(message.from_id.as_ref());
    let out = message.peer_id.write_to(out);
    let out = out.write_optional(message.reply_to.as_ref());
    let out = message.date.write_to(out);
    let out = message.message.write_to(out);
    let out = out.write_optional(message.media.as_ref());
    let out = out.write_optional(message.entities.as_ref());
    let out = out.write_optional(message.views_and_forwards.as_ref().map(|value| &value.0));
    let out = out.write_optional(message.views_and_forwards.as_ref().map(|value| &value.1));
    out.write_optional(message.edit_date.as_ref())
}

/// The history as one value, its messages written as the second field says.
struct History<'h>(&'h enums::messages::Messages, Messages<'h>);

/// How [`History`] writes each message.
enum Messages<'h> {
    /// With [`write_with_stored_flags`], its flags from the table.
    WithStoredFlags(&'h Flags),
    /// With [`write_known_fields`].
    KnownFields,
}

impl Encode for History<'_> {
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        match self.1 {
            Messages::WithStoredFlags(flags) => {
                encode_history(self.0, out, |index, message, out| {
                    write_with_stored_flags(message, flags[index], out)
                })
            }
            Messages::KnownFields => encode_history(self.0, out, |_, message, out| {
                write_known_fields(message, out)
            }),
        }
    }
}
