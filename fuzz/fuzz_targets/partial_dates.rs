//! libFuzzer target: see `fuzz/checks.rs`, `partial_dates`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::partial_dates(data));
