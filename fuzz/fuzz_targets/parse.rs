//! Parsing and resolving arbitrary bytes never panics.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = agon::workspace::Workspace::from_text("fuzz.agon", &text);
});
