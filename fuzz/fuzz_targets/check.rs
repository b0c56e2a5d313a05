//! The whole check (parse, resolve, reason, render, format) meets every oracle of
//! `agon::fuzzing::check`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(f) = agon::fuzzing::check(data) {
        panic!("{}: {}", f.oracle, f.detail);
    }
});
