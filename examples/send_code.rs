//! The first exchange of every Telegram client, with the bindings of the
//! bundled layer: build the `auth.sendCode` request, write its bytes, show
//! its TL-JSON, then decode the server's `auth.sentCode` answer (bytes as a
//! packet capture prints them) through the request's return type and encode
//! it back to the same bytes.
//!
//!     cargo run -p tl-examples --bin send_code

use tl_types::json::ToTlJson;
use tl_types::{Decode, Encode, RemoteCall, functions, types};

/// The answer to the request below, as an independent implementation
/// (gramjs) writes it: `auth.sentCode` with an SMS code of 5 digits.
const ANSWER: &str = "0225005e 04000000 a2bb00c0 05000000 12326463 30326432 63646139 \
                      65363135 63383400 78000000";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `new` takes the fields a request always has; `codeSettings` has only
    // optional ones, so its `Default` is the value with none of them set.
    let request = functions::auth::SendCode::new(
        "+15550100",
        372518,
        "0123456789abcdef0123456789abcdef",
        types::CodeSettings::default(),
    );
    let bytes = request.to_bytes()?;
    println!("The request, built with tl_types::functions::auth::SendCode:");
    println!("  {} bytes: {}", bytes.len(), spaced_hex(&bytes));
    println!("  TL-JSON: {}", request.to_tl_json());

    let answer_bytes = hex::decode(ANSWER.replace(' ', ""))?;
    // The answer's Rust type follows from the request's.
    type Answer = <functions::auth::SendCode as RemoteCall>::Return;
    let answer = Answer::from_bytes(&answer_bytes)?;
    println!();
    println!(
        "The server's answer, {} bytes: {ANSWER}",
        answer_bytes.len()
    );
    println!("  decoded as tl_types::enums::auth::SentCode:");
    println!("  {answer:?}");
    println!("  TL-JSON: {}", answer.to_tl_json());
    let again = answer.to_bytes()?;
    println!(
        "  encoded again: {}",
        if again == answer_bytes {
            "the same bytes"
        } else {
            "DIFFERENT bytes"
        }
    );
    println!();
    println!("The same bytes on the command line:");
    println!(
        "  echo '{}' | cargo run --release -- json decode",
        spaced_hex(&bytes)
    );
    Ok(())
}

/// Bytes as hex, four to a group, as captured traffic is printed.
fn spaced_hex(bytes: &[u8]) -> String {
    bytes
        .chunks(4)
        .map(hex::encode)
        .collect::<Vec<_>>()
        .join(" ")
}
