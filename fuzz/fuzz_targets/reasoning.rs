//! Generated theories (seeded by the fuzzer's bytes) have the same standings in any order.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let seed = data.iter().fold(1u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(*b)));
    let mut rng = agon::synth::Rng::new(seed);
    let text = agon::fuzzing::generate::theory(&mut rng);
    let other = agon::fuzzing::shuffled(&text, &mut rng);
    let semantics = agon::dung::Semantics::Grounded;
    assert_eq!(
        agon::fuzzing::standings(&text, semantics),
        agon::fuzzing::standings(&other, semantics)
    );
});
