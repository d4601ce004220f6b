//! TL-JSON, the JSON form of TL objects, both ways, with any schema given at
//! run time: no generated code, no compilation.
//!
//! ```
//! let schema = tl_parser::parse(
//!     "auth.sentCodeTypeSms#c000bba2 length:int = auth.SentCodeType;",
//! ).unwrap();
//! let codec = tl_json::Codec::new(&[schema]);
//! let json = serde_json::json!({"_": "auth.sentCodeTypeSms", "length": 5});
//! let bytes = codec.encode(&json).unwrap();
//! assert_eq!(bytes, [0xa2, 0xbb, 0x00, 0xc0, 5, 0, 0, 0]);
//! assert_eq!(codec.decode(&bytes).unwrap(), json);
//! ```
//!
//! The mapping is the one of `docs/TL-JSON.md`: `"_"` names the constructor
//! or function, fields keep their schema names, `#` masks are derived,
//! `long` is a decimal string, `int128`/`int256` lowercase hex, `bytes`
//! base64. Errors say where: a byte offset when decoding, a JSON path
//! (`.messages[3].entities[0]`) when encoding.
//!
//! The wire primitives are `tl_types::wire`'s, the ones the generated code
//! uses, so the two agree byte for byte.

mod decode;
mod encode;
mod error;
mod index;

pub use error::Error;
pub use index::{Index, IndexedDefinition};

use tl_parser::Schema;
use tl_types::Reader;

/// Encodes and decodes TL-JSON for a set of schemas used together.
#[derive(Debug)]
pub struct Codec {
    index: Index,
    max_depth: u32,
}

impl Codec {
    /// A codec for these schemas (for Telegram: `api.tl`, and `mtproto.tl`
    /// for service messages).
    pub fn new(schemas: &[Schema]) -> Codec {
        Codec {
            index: Index::new(schemas),
            max_depth: tl_types::DEFAULT_MAX_DEPTH,
        }
    }

    /// The same codec with another nesting limit: how many boxed objects deep
    /// a value may go, when decoding (see `tl_types::Reader::with_max_depth`)
    /// and when encoding. The default is `tl_types::DEFAULT_MAX_DEPTH` (64),
    /// the generated code's.
    pub fn with_max_depth(mut self, max_depth: u32) -> Codec {
        self.max_depth = max_depth;
        self
    }

    /// The bytes of the object a TL-JSON value describes: a constructor (as
    /// a boxed value, id first) or a function call, found by its `"_"`.
    pub fn encode(&self, json: &serde_json::Value) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        encode::object(
            &self.index,
            json,
            &error::Path::default(),
            self.max_depth,
            &mut out,
        )?;
        Ok(out)
    }

    /// The TL-JSON value of the one object that fills `bytes`, found by its
    /// leading constructor id (constructors first, then functions).
    pub fn decode(&self, bytes: &[u8]) -> Result<serde_json::Value, Error> {
        let mut reader = Reader::new(bytes).with_max_depth(self.max_depth);
        let value = decode::object(&self.index, &mut reader)?;
        reader.finish()?;
        Ok(value)
    }

    /// The schemas' lookup tables.
    pub fn index(&self) -> &Index {
        &self.index
    }
}
