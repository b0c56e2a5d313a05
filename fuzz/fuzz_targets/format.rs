//! The formatter is idempotent and keeps tokens and comments in order.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(once) = agon::format::format(&text) {
        assert!(agon::format::same_content(&text, &once));
        assert_eq!(agon::format::format(&once).as_deref(), Some(once.as_str()));
    }
});
