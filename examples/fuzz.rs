//! The long fuzz run (`scripts/fuzz.sh`): `cargo run --release --example fuzz -- N [SEED]`
//! checks N inputs (half generated theories, half byte mutations of the shipped theories and
//! fixtures) against the oracles of `agon::fuzzing::check`, every generated theory also in a
//! shuffled order, and prints the figures the README reports: inputs, how many resolved,
//! failures (written to `target/fuzz-failures/`), the slowest input, inputs over one second
//! (the first 50 kept there as `slow-N.agon`), and the process's peak memory, which bounds
//! every single input's. Time is the input's CPU time where Linux reports it (so that a busy
//! machine does not inflate it), else wall-clock time; the slowest wall-clock time is printed
//! too.

use agon::dung::Semantics;
use agon::fuzzing::{self, generate, mutate};
use agon::synth::Rng;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let corpus = fuzzing::corpus(Path::new("."));
    let mut rng = Rng::new(seed);
    let (mut valid, mut failures, mut over_second) = (0usize, 0usize, 0usize);
    let mut slowest = (Duration::ZERO, Vec::new());
    let mut slowest_wall = Duration::ZERO;
    let started = Instant::now();
    std::panic::set_hook(Box::new(|_| {}));
    for i in 0..n {
        let input = if i % 2 == 0 {
            generate::theory(&mut rng).into_bytes()
        } else {
            mutate::mutate(&corpus[rng.below(corpus.len())], &mut rng)
        };
        match fuzzing::check(&input) {
            Ok(c) => {
                valid += usize::from(c.valid);
                slowest_wall = slowest_wall.max(c.took);
                let took = c.cpu.unwrap_or(c.took);
                if took > Duration::from_secs(1) {
                    over_second += 1;
                    if over_second <= 50 {
                        save(&format!("slow-{i}"), &input);
                    }
                }
                if took > slowest.0 {
                    slowest = (took, input.clone());
                }
            }
            Err(f) => {
                failures += 1;
                save(&format!("{}-{i}", f.oracle.replace(' ', "-")), &f.input);
                eprintln!("input {i}: {} {}", f.oracle, f.detail);
            }
        }
        if i % 2 == 0 {
            let text = String::from_utf8_lossy(&input).into_owned();
            let other = fuzzing::shuffled(&text, &mut rng);
            if fuzzing::standings(&text, Semantics::Grounded)
                != fuzzing::standings(&other, Semantics::Grounded)
            {
                failures += 1;
                save(&format!("order-{i}"), other.as_bytes());
                eprintln!("input {i}: standings depend on the declaration order");
            }
        }
        if (i + 1) % 100_000 == 0 {
            eprintln!("{} inputs, {:.0} s", i + 1, started.elapsed().as_secs_f64());
        }
    }
    save("slowest", &slowest.1);
    println!("inputs:               {n}");
    println!("resolved (reasoned):  {valid}");
    println!("failures:             {failures}");
    println!("over one second (CPU): {over_second}");
    println!(
        "slowest input (CPU):  {:.3} s ({} bytes, kept in target/fuzz-failures/slowest.agon)",
        slowest.0.as_secs_f64(),
        slowest.1.len()
    );
    println!("slowest (wall clock): {:.3} s", slowest_wall.as_secs_f64());
    println!("peak memory:          {} MB", peak_mb());
    println!(
        "wall time:            {:.0} s",
        started.elapsed().as_secs_f64()
    );
    std::process::exit(i32::from(failures > 0));
}

fn save(name: &str, bytes: &[u8]) {
    let dir = Path::new("target/fuzz-failures");
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(dir.join(format!("{name}.agon")), bytes);
}

/// The process's peak resident memory (Linux), in MB.
fn peak_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
