//! A prototype, for `BENCHMARKS.md` only: a decoder of the `history` input
//! whose values borrow their strings and bytes from the input (`&'a [u8]`,
//! and `Cow<'a, str>`, borrowed unless the text is not valid UTF-8) instead
//! of allocating a `String` or `Vec<u8>` for each.
//!
//! It is written by hand for exactly the constructors the history input
//! holds (`messages.channelMessages`, `message`, `peerUser`/`peerChat`/
//! `peerChannel`, `messageReplyHeader`, `messageMediaPhoto`, `photo`,
//! `photoSize`, the entities of an offset and a length, `channel`,
//! `chatPhoto`, `user`, `userProfilePhoto`, `userStatusRecently`), the way
//! the generator would write them with a lifetime on every type: the same
//! checks as the generated decoder (constructor ids, flag bits, the nesting
//! limit, vector counts against the input left, canonical lengths and zero
//! padding of strings), with the same runtime functions. A value holding a
//! field it does not know (a flag bit of a field not in the input) is an
//! error rather than skipped, so it can only be faster by what it leaves out
//! of the design, never by reading less.
//!
//! Vectors come in two forms, chosen by the [`Store`] the decoder is given:
//! [`Heap`] makes each a `Vec` (one allocation each, the only ones left);
//! an arena (`&bumpalo::Bump`) makes each a slice allocated in the arena,
//! which the caller resets between responses: no allocation at all once the
//! arena has grown to the size of a response.

// The values are built and dropped; the check in `inputs.rs` reads a few
// fields of each, the rest are there to be decoded.
#![allow(dead_code)]

use std::borrow::Cow;

use bumpalo::Bump;
use tl_types::wire::{VECTOR_ID, read_bytes, read_vector_with};
use tl_types::{DecodeError, DecodeErrorKind, Reader};

/// Where a decoded value's vectors live.
pub(crate) trait Store<'a>: Copy + 'a {
    /// A vector of `T`.
    type Seq<T: 'a>;

    /// Reads a boxed `Vector<T>` whose elements `read` reads.
    fn vector<T: 'a>(
        self,
        r: &mut Reader<'a>,
        read: impl FnMut(&mut Reader<'a>) -> Result<T>,
    ) -> Result<Self::Seq<T>>;
}

/// Each vector a `Vec` of its own.
#[derive(Clone, Copy)]
pub(crate) struct Heap;

impl<'a> Store<'a> for Heap {
    type Seq<T: 'a> = Vec<T>;

    #[inline]
    fn vector<T: 'a>(
        self,
        r: &mut Reader<'a>,
        read: impl FnMut(&mut Reader<'a>) -> Result<T>,
    ) -> Result<Vec<T>> {
        read_vector_with(r, read)
    }
}

/// Each vector a slice in the arena, with the checks of `read_vector_with`:
/// the id, then a count neither negative nor over a quarter of the input
/// left, refused before anything is allocated.
impl<'a> Store<'a> for &'a Bump {
    type Seq<T: 'a> = &'a [T];

    #[inline]
    fn vector<T: 'a>(
        self,
        r: &mut Reader<'a>,
        mut read: impl FnMut(&mut Reader<'a>) -> Result<T>,
    ) -> Result<&'a [T]> {
        let start = r.position();
        let id = r.read_u32()?;
        if id != VECTOR_ID {
            return Err(r.unexpected_constructor(id, "Vector"));
        }
        let count: i32 = r.read()?;
        let count = usize::try_from(count)
            .map_err(|_| DecodeError::new(start + 4, DecodeErrorKind::NegativeCount(count)))?;
        if count > r.remaining() / 4 {
            return Err(DecodeError::new(
                start + 4,
                DecodeErrorKind::LengthOutOfRange {
                    length: count as u64,
                    remaining: r.remaining(),
                },
            ));
        }
        let mut items = bumpalo::collections::Vec::with_capacity_in(count, self);
        for _ in 0..count {
            items.push(read(r)?);
        }
        Ok(items.into_bump_slice())
    }
}

/// `messages.channelMessages`.
pub(crate) struct ChannelMessages<'a, S: Store<'a>> {
    pub(crate) flags: u32,
    pub(crate) pts: i32,
    pub(crate) count: i32,
    pub(crate) offset_id_offset: Option<i32>,
    pub(crate) messages: S::Seq<Message<'a, S>>,
    pub(crate) chats: S::Seq<Chat<'a>>,
    pub(crate) users: S::Seq<User<'a>>,
}

/// `message`, the one form of `Message` the prototype reads.
pub(crate) struct Message<'a, S: Store<'a>> {
    pub(crate) flags: u32,
    pub flags2: u32,
    pub(crate) id: i32,
    pub(crate) from_id: Option<Peer>,
    pub(crate) peer_id: Peer,
    pub(crate) reply_to: Option<ReplyHeader>,
    pub(crate) date: i32,
    pub(crate) message: Cow<'a, str>,
    pub(crate) media: Option<Media<'a, S>>,
    pub(crate) entities: Option<S::Seq<Entity>>,
    pub(crate) views_and_forwards: Option<(i32, i32)>,
    pub(crate) edit_date: Option<i32>,
}

/// `Peer`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Peer {
    User(i64),
    Chat(i64),
    Channel(i64),
}

/// `messageReplyHeader`, its numeric fields.
pub(crate) struct ReplyHeader {
    pub(crate) flags: u32,
    pub(crate) reply_to_msg_id: Option<i32>,
    pub(crate) reply_to_peer_id: Option<Peer>,
    pub(crate) reply_to_top_id: Option<i32>,
}

/// `messageMediaPhoto`.
pub(crate) struct Media<'a, S: Store<'a>> {
    pub(crate) flags: u32,
    pub(crate) photo: Option<Photo<'a, S>>,
    pub(crate) ttl_seconds: Option<i32>,
}

/// `Photo`: `photo` or `photoEmpty`.
pub(crate) enum Photo<'a, S: Store<'a>> {
    Empty(i64),
    Photo {
        flags: u32,
        id: i64,
        access_hash: i64,
        file_reference: &'a [u8],
        date: i32,
        sizes: S::Seq<PhotoSize<'a>>,
        dc_id: i32,
    },
}

/// `photoSize`.
pub(crate) struct PhotoSize<'a> {
    pub(crate) kind: Cow<'a, str>,
    pub(crate) w: i32,
    pub(crate) h: i32,
    pub(crate) size: i32,
}

/// An entity of an offset and a length (`messageEntityBold`, ...): its
/// constructor id says which.
pub(crate) struct Entity {
    pub(crate) id: u32,
    pub(crate) offset: i32,
    pub(crate) length: i32,
}

/// `channel`, the one form of `Chat` the prototype reads.
pub(crate) struct Chat<'a> {
    pub(crate) flags: u32,
    pub flags2: u32,
    pub(crate) id: i64,
    pub(crate) access_hash: Option<i64>,
    pub(crate) title: Cow<'a, str>,
    pub(crate) username: Option<Cow<'a, str>>,
    pub(crate) photo: ChatPhoto<'a>,
    pub(crate) date: i32,
    pub(crate) participants_count: Option<i32>,
}

/// `ChatPhoto` and `UserProfilePhoto`: `photo_id`, `stripped_thumb`, `dc_id`
/// (or the empty form).
pub(crate) enum ProfilePhoto<'a> {
    Empty,
    Photo {
        flags: u32,
        photo_id: i64,
        stripped_thumb: Option<&'a [u8]>,
        dc_id: i32,
    },
}

/// `ChatPhoto`.
pub(crate) type ChatPhoto<'a> = ProfilePhoto<'a>;

/// `user`, the one form of `User` the prototype reads.
pub(crate) struct User<'a> {
    pub(crate) flags: u32,
    pub flags2: u32,
    pub(crate) id: i64,
    pub(crate) access_hash: Option<i64>,
    pub(crate) first_name: Option<Cow<'a, str>>,
    pub(crate) last_name: Option<Cow<'a, str>>,
    pub(crate) username: Option<Cow<'a, str>>,
    pub(crate) phone: Option<Cow<'a, str>>,
    pub(crate) photo: Option<ProfilePhoto<'a>>,
    pub(crate) status: Option<u32>,
}

type Result<T> = std::result::Result<T, DecodeError>;

/// Decodes the whole input: a boxed `messages.Messages`, nothing after it.
pub(crate) fn decode_history<'a, S: Store<'a>>(
    bytes: &'a [u8],
    store: S,
) -> Result<ChannelMessages<'a, S>> {
    let mut reader = Reader::new(bytes);
    let value = boxed(&mut reader, "messages.Messages", |r, id| match id {
        0xc776ba4e => channel_messages(r, store),
        _ => Err(r.unexpected_constructor(id, "messages.Messages")),
    })?;
    reader.finish()?;
    Ok(value)
}

/// A boxed value: one level deeper, its id read, then `read`.
#[inline]
fn boxed<'a, T>(
    r: &mut Reader<'a>,
    _name: &'static str,
    read: impl FnOnce(&mut Reader<'a>, u32) -> Result<T>,
) -> Result<T> {
    let id = r.enter_boxed()?;
    let value = read(r, id);
    r.leave_boxed();
    value
}

/// The error for flag bits of fields the prototype does not read.
#[cold]
fn unsupported(r: &Reader<'_>, bits: u32, what: &'static str) -> DecodeError {
    r.error(DecodeErrorKind::UnexpectedConstructor {
        id: bits,
        expected: what,
    })
}

/// Fails if any of `bits` is set in `flags`.
#[inline]
fn only(r: &Reader<'_>, flags: u32, bits: u32, what: &'static str) -> Result<()> {
    match flags & bits {
        0 => Ok(()),
        set => Err(unsupported(r, set, what)),
    }
}

#[inline]
fn int(r: &mut Reader<'_>) -> Result<i32> {
    r.read()
}

#[inline]
fn long(r: &mut Reader<'_>) -> Result<i64> {
    r.read()
}

#[inline]
fn int_if(r: &mut Reader<'_>, present: bool) -> Result<Option<i32>> {
    r.read_if(present)
}

/// A `string`, borrowed from the input unless it is not valid UTF-8.
fn text<'a>(r: &mut Reader<'a>) -> Result<Cow<'a, str>> {
    let data = read_bytes(r)?;
    Ok(match std::str::from_utf8(data) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(data),
    })
}

fn text_if<'a>(r: &mut Reader<'a>, present: bool) -> Result<Option<Cow<'a, str>>> {
    if present { text(r).map(Some) } else { Ok(None) }
}

fn channel_messages<'a, S: Store<'a>>(r: &mut Reader<'a>, s: S) -> Result<ChannelMessages<'a, S>> {
    let flags: u32 = r.read()?;
    let pts = int(r)?;
    let count = int(r)?;
    let offset_id_offset = int_if(r, flags & (1 << 2) != 0)?;
    let messages = s.vector(r, |r| {
        boxed(r, "Message", |r, id| match id {
            0x7600b9d3 => message(r, s),
            _ => Err(r.unexpected_constructor(id, "Message")),
        })
    })?;
    let _topics: S::Seq<()> = s.vector(r, |r| {
        let id = r.read_u32()?;
        Err(r.unexpected_constructor(id, "ForumTopic"))
    })?;
    let chats = s.vector(r, |r| {
        boxed(r, "Chat", |r, id| match id {
            0xd49f34c6 => channel(r),
            _ => Err(r.unexpected_constructor(id, "Chat")),
        })
    })?;
    let users = s.vector(r, |r| {
        boxed(r, "User", |r, id| match id {
            0xb1b8cc83 => user(r),
            _ => Err(r.unexpected_constructor(id, "User")),
        })
    })?;
    Ok(ChannelMessages {
        flags,
        pts,
        count,
        offset_id_offset,
        messages,
        chats,
        users,
    })
}

fn peer(r: &mut Reader<'_>) -> Result<Peer> {
    boxed(r, "Peer", |r, id| match id {
        0x59511722 => long(r).map(Peer::User),
        0x36c6019a => long(r).map(Peer::Chat),
        0xa2a5371e => long(r).map(Peer::Channel),
        _ => Err(r.unexpected_constructor(id, "Peer")),
    })
}

fn message<'a, S: Store<'a>>(r: &mut Reader<'a>, s: S) -> Result<Message<'a, S>> {
    let flags: u32 = r.read()?;
    let flags2: u32 = r.read()?;
    // Fields not in the input: saved_peer_id 28, fwd_from 2, via_bot_id 11,
    // reply_markup 6, replies 23, post_author 16, grouped_id 17, reactions
    // 20, restriction_reason 22, ttl_period 25, quick_reply_shortcut_id 30,
    // from_boosts_applied 29; and every value field of flags2.
    only(
        r,
        flags,
        1 << 28
            | 1 << 2
            | 1 << 11
            | 1 << 6
            | 1 << 23
            | 1 << 16
            | 1 << 17
            | 1 << 20
            | 1 << 22
            | 1 << 25
            | 1 << 30
            | 1 << 29,
        "message: a field the prototype does not read",
    )?;
    only(
        r,
        flags2,
        1 | 1 << 2
            | 1 << 3
            | 1 << 5
            | 1 << 6
            | 1 << 7
            | 1 << 10
            | 1 << 11
            | 1 << 12
            | 1 << 13
            | 1 << 19,
        "message: a field the prototype does not read",
    )?;
    let id = int(r)?;
    let from_id = if flags & (1 << 8) != 0 {
        Some(peer(r)?)
    } else {
        None
    };
    let peer_id = peer(r)?;
    let reply_to = if flags & (1 << 3) != 0 {
        Some(reply_header(r)?)
    } else {
        None
    };
    let date = int(r)?;
    let message = text(r)?;
    let media = if flags & (1 << 9) != 0 {
        Some(media(r, s)?)
    } else {
        None
    };
    let entities = if flags & (1 << 7) != 0 {
        Some(s.vector(r, entity)?)
    } else {
        None
    };
    let views_and_forwards = if flags & (1 << 10) != 0 {
        Some((int(r)?, int(r)?))
    } else {
        None
    };
    let edit_date = int_if(r, flags & (1 << 15) != 0)?;
    Ok(Message {
        flags,
        flags2,
        id,
        from_id,
        peer_id,
        reply_to,
        date,
        message,
        media,
        entities,
        views_and_forwards,
        edit_date,
    })
}

fn reply_header(r: &mut Reader<'_>) -> Result<ReplyHeader> {
    boxed(r, "MessageReplyHeader", |r, id| {
        if id != 0x1b97dd66 {
            return Err(r.unexpected_constructor(id, "MessageReplyHeader"));
        }
        let flags: u32 = r.read()?;
        only(
            r,
            flags,
            1 << 5 | 1 << 8 | 1 << 6 | 1 << 7 | 1 << 10 | 1 << 11 | 1 << 12,
            "messageReplyHeader: a field the prototype does not read",
        )?;
        let reply_to_msg_id = int_if(r, flags & (1 << 4) != 0)?;
        let reply_to_peer_id = if flags & 1 != 0 { Some(peer(r)?) } else { None };
        let reply_to_top_id = int_if(r, flags & (1 << 1) != 0)?;
        Ok(ReplyHeader {
            flags,
            reply_to_msg_id,
            reply_to_peer_id,
            reply_to_top_id,
        })
    })
}

fn media<'a, S: Store<'a>>(r: &mut Reader<'a>, s: S) -> Result<Media<'a, S>> {
    boxed(r, "MessageMedia", |r, id| {
        if id != 0xe216eb63 {
            return Err(r.unexpected_constructor(id, "MessageMedia"));
        }
        let flags: u32 = r.read()?;
        only(r, flags, 1 << 4, "messageMediaPhoto: video")?;
        let photo = if flags & 1 != 0 {
            Some(photo(r, s)?)
        } else {
            None
        };
        let ttl_seconds = int_if(r, flags & (1 << 2) != 0)?;
        Ok(Media {
            flags,
            photo,
            ttl_seconds,
        })
    })
}

fn photo<'a, S: Store<'a>>(r: &mut Reader<'a>, s: S) -> Result<Photo<'a, S>> {
    boxed(r, "Photo", |r, id| match id {
        0x2331b22d => long(r).map(Photo::Empty),
        0xfb197a65 => {
            let flags: u32 = r.read()?;
            only(r, flags, 1 << 1, "photo: video_sizes")?;
            let id = long(r)?;
            let access_hash = long(r)?;
            let file_reference = read_bytes(r)?;
            let date = int(r)?;
            let sizes = s.vector(r, |r| {
                boxed(r, "PhotoSize", |r, id| {
                    if id != 0x75c78e60 {
                        return Err(r.unexpected_constructor(id, "PhotoSize"));
                    }
                    Ok(PhotoSize {
                        kind: text(r)?,
                        w: int(r)?,
                        h: int(r)?,
                        size: int(r)?,
                    })
                })
            })?;
            let dc_id = int(r)?;
            Ok(Photo::Photo {
                flags,
                id,
                access_hash,
                file_reference,
                date,
                sizes,
                dc_id,
            })
        }
        _ => Err(r.unexpected_constructor(id, "Photo")),
    })
}

fn entity(r: &mut Reader<'_>) -> Result<Entity> {
    boxed(r, "MessageEntity", |r, id| match id {
        // bold, url, italic
        0xbd610bc9 | 0x6ed02538 | 0x826f8b60 => Ok(Entity {
            id,
            offset: int(r)?,
            length: int(r)?,
        }),
        _ => Err(r.unexpected_constructor(id, "MessageEntity")),
    })
}

fn profile_photo<'a>(
    r: &mut Reader<'a>,
    name: &'static str,
    photo_id: u32,
    empty_id: u32,
) -> Result<ProfilePhoto<'a>> {
    boxed(r, name, |r, id| {
        if id == empty_id {
            return Ok(ProfilePhoto::Empty);
        }
        if id != photo_id {
            return Err(r.unexpected_constructor(id, name));
        }
        let flags: u32 = r.read()?;
        let photo_id = long(r)?;
        let stripped_thumb = if flags & (1 << 1) != 0 {
            Some(read_bytes(r)?)
        } else {
            None
        };
        let dc_id = int(r)?;
        Ok(ProfilePhoto::Photo {
            flags,
            photo_id,
            stripped_thumb,
            dc_id,
        })
    })
}

fn channel<'a>(r: &mut Reader<'a>) -> Result<Chat<'a>> {
    let flags: u32 = r.read()?;
    let flags2: u32 = r.read()?;
    only(
        r,
        flags,
        1 << 9 | 1 << 14 | 1 << 15 | 1 << 18,
        "channel: a field the prototype does not read",
    )?;
    only(
        r,
        flags2,
        1 | 1 << 4
            | 1 << 7
            | 1 << 8
            | 1 << 9
            | 1 << 10
            | 1 << 11
            | 1 << 13
            | 1 << 14
            | 1 << 18
            | 1 << 20,
        "channel: a field the prototype does not read",
    )?;
    let id = long(r)?;
    let access_hash = r.read_if(flags & (1 << 13) != 0)?;
    let title = text(r)?;
    let username = text_if(r, flags & (1 << 6) != 0)?;
    let photo = profile_photo(r, "ChatPhoto", 0x1c6e1c11, 0x37c1011c)?;
    let date = int(r)?;
    let participants_count = int_if(r, flags & (1 << 17) != 0)?;
    Ok(Chat {
        flags,
        flags2,
        id,
        access_hash,
        title,
        username,
        photo,
        date,
        participants_count,
    })
}

fn user<'a>(r: &mut Reader<'a>) -> Result<User<'a>> {
    let flags: u32 = r.read()?;
    let flags2: u32 = r.read()?;
    only(
        r,
        flags,
        1 << 14 | 1 << 18 | 1 << 19 | 1 << 22 | 1 << 30,
        "user: a field the prototype does not read",
    )?;
    only(
        r,
        flags2,
        1 | 1 << 5 | 1 << 8 | 1 << 9 | 1 << 12 | 1 << 14 | 1 << 15 | 1 << 21,
        "user: a field the prototype does not read",
    )?;
    let id = long(r)?;
    let access_hash = r.read_if(flags & 1 != 0)?;
    let first_name = text_if(r, flags & (1 << 1) != 0)?;
    let last_name = text_if(r, flags & (1 << 2) != 0)?;
    let username = text_if(r, flags & (1 << 3) != 0)?;
    let phone = text_if(r, flags & (1 << 4) != 0)?;
    let photo = if flags & (1 << 5) != 0 {
        Some(profile_photo(
            r,
            "UserProfilePhoto",
            0x82d1f706,
            0x4f11bae1,
        )?)
    } else {
        None
    };
    let status = if flags & (1 << 6) != 0 {
        Some(boxed(r, "UserStatus", |r, id| match id {
            // userStatusRecently: its flags (by_me)
            0x7b197dc8 => r.read::<u32>(),
            // userStatusEmpty
            0x09d05049 => Ok(0),
            _ => Err(r.unexpected_constructor(id, "UserStatus")),
        })?)
    } else {
        None
    };
    Ok(User {
        flags,
        flags2,
        id,
        access_hash,
        first_name,
        last_name,
        username,
        phone,
        photo,
        status,
    })
}
