//! libFuzzer target: see `fuzz/checks.rs`, `canonical_round_trip`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::canonical_round_trip(data));
