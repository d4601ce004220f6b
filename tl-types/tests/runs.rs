//! A run of fixed-size fields (`Place::put_run`, which generated
//! serialisers use) writes the same bytes as its parts written one by one.

use tl_types::__private::Run;
use tl_types::{Encode, Place, Sink, Writer};

/// A run written as one value, as a generated serialiser writes it.
struct AsOneRun<R>(R);

impl<R: Run + Copy> Encode for AsOneRun<R> {
    fn write_to<'w, S: Sink + ?Sized>(&self, out: Place<'w, S>) -> Place<'w, S> {
        out.put_run(self.0)
    }
}

#[test]
fn a_run_is_its_parts_one_after_another() {
    let (int, long, flag, double, int128) = (-5_i32, 7_000_000_000_i64, true, 0.5_f64, [9; 16]);
    let mut parts = Vec::new();
    let mut out = Writer::new(&mut parts);
    out.write(&int);
    out.write(&long);
    out.write(&flag);
    out.write(&double);
    out.write(&int128);
    out.finish().unwrap();

    let mut run = Vec::new();
    let mut out = Writer::new(&mut run);
    out.write(&AsOneRun((int, long, flag, double, int128)));
    out.finish().unwrap();
    assert_eq!(run, parts);
    assert_eq!(run.len(), 40);
}
