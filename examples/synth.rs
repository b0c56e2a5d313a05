//! Writes a synthetic theory to stdout, the ones the benchmarks measure, so that any command
//! can be timed on it: `cargo run --release --example synth -- layered RULES [SEED]`
//! (`agon::synth::layered`, 50 claims a layer), `rival SCHOOLS CLAIMS [SEED]`
//! (`agon::synth::rival_schools`).

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |i: usize, default: u64| -> u64 {
        args.get(i)
            .map(|a| {
                a.parse()
                    .unwrap_or_else(|_| usage(&format!("`{a}` is no number")))
            })
            .unwrap_or(default)
    };
    let text = match args.first().map(String::as_str) {
        Some("layered") => agon::synth::layered(number(1, 1_000) as usize, 50, number(2, 1)),
        Some("rival") => agon::synth::rival_schools(
            number(1, 3) as usize,
            number(2, 1_000) as usize,
            number(3, 1),
        ),
        _ => usage("name a generator"),
    };
    if std::io::stdout().write_all(text.as_bytes()).is_err() {
        std::process::exit(1);
    }
}

fn usage(why: &str) -> ! {
    eprintln!(
        "error: {why}\nusage: synth layered RULES [SEED] | synth rival SCHOOLS CLAIMS [SEED]"
    );
    std::process::exit(2);
}
