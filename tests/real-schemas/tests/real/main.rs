//! The tests of the real schemas, in one binary: each links the generated
//! bindings of eight schemas, which is slow enough to do once.

mod borrowed;
mod format;
mod ids;
mod layer_bump;
mod roundtrip;
mod shapes;
mod ton_corpus;
