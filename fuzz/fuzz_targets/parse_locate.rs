//! libFuzzer target: see `fuzz/checks.rs`, `parse_locate`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::parse_locate(data));
