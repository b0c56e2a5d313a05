//! `cargo bench --bench scale`: time and peak heap of agon's stages on generated theories
//! (layered rule chains with conflicts, 1k to 100k rules, standings by the exact engine; the
//! doubling chain of 2^L argument trees; rival schools for `diverge`).
//! Prints a table; the README quotes it. Peak heap is measured by a counting allocator and
//! reset before each stage, so each figure is that stage's own high-water mark.
//! `AGON_BENCH_MAX=10000` limits the sizes (e.g. for a quick run).

use agon::aspic::Options;
use agon::diverge;
use agon::dung::Semantics;
use agon::model::SchoolId;
use agon::reason::Reasoner;
use agon::reasoning;
use agon::workspace::Workspace;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f`, returning its value, its time in milliseconds and the heap it added at its peak (MiB).
fn measure<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let value = f();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let peak = (PEAK.load(Ordering::Relaxed) - base) as f64 / (1024.0 * 1024.0);
    (value, ms, peak)
}

fn main() {
    let max: usize = std::env::var("AGON_BENCH_MAX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let options = Options::default();

    println!(
        "Layered theories (50 claims a layer, 1-3 antecedents, ~20% rebutting conclusions), exact standings of every literal:\n"
    );
    println!("| rules | parse + resolve | ABA atoms / assumptions | grounded | complete | preferred | stable | peak heap |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for rules in [1_000, 10_000, 100_000].into_iter().filter(|&r| r <= max) {
        let text = agon::synth::layered(rules, 50, 1);
        let (ws, t_parse, m_parse) = measure(|| Workspace::from_text("bench.agon", &text));
        assert!(!ws.has_errors(), "generated theory has errors");
        let school = ws.theory.school(SchoolId(0));
        let ordering = options.ordering_for(school);
        let t = reasoning::translate(school, options.transposition, ordering).expect("exact");
        let size = format!(
            "{} / {}",
            t.framework.atom_count(),
            t.framework.assumption_count()
        );
        let mut cells = Vec::new();
        let mut peak = m_parse;
        for semantics in [
            Semantics::Grounded,
            Semantics::Complete,
            Semantics::Preferred,
            Semantics::Stable,
        ] {
            let (cell, m) = evaluation_cell(school, &options, semantics);
            peak = peak.max(m);
            cells.push(cell);
        }
        println!(
            "| {rules} | {} | {size} | {} | {peak:.0} MiB |",
            ms(t_parse),
            cells.join(" | ")
        );
    }

    println!(
        "\nThe same layered theories under weakest-link (elitist), each inference split by the strengths of its arguments:\n"
    );
    println!("| rules | ABA atoms / assumptions | grounded | complete | peak heap |");
    println!("| ---: | ---: | ---: | ---: | ---: |");
    let weakest = Options {
        link: Some(agon::model::Link::WeakestLink),
        ..Options::default()
    };
    for rules in [1_000, 10_000, 100_000].into_iter().filter(|&r| r <= max) {
        let text = agon::synth::layered(rules, 50, 1);
        let ws = Workspace::from_text("bench.agon", &text);
        let school = ws.theory.school(SchoolId(0));
        let ordering = weakest.ordering_for(school);
        let (t, _, m_translate) =
            measure(|| reasoning::translate(school, weakest.transposition, ordering));
        let size = match &t {
            Ok(t) => format!(
                "{} / {}",
                t.framework.atom_count(),
                t.framework.assumption_count()
            ),
            Err(why) => format!("not translated: {}", why.0),
        };
        let mut cells = Vec::new();
        let mut peak = m_translate;
        for semantics in [Semantics::Grounded, Semantics::Complete] {
            let (cell, m) = evaluation_cell(school, &weakest, semantics);
            peak = peak.max(m);
            cells.push(cell);
        }
        println!(
            "| {rules} | {size} | {} | {peak:.0} MiB |",
            cells.join(" | ")
        );
    }

    println!(
        "\nThe layered theories with one self-attacking premise added (no stable extension), semi-stable over arguments:\n"
    );
    println!("| rules | semi-stable | peak heap |");
    println!("| ---: | ---: | ---: |");
    for rules in [1_000, 10_000, 100_000].into_iter().filter(|&r| r <= max) {
        let text = without_stable(&agon::synth::layered(rules, 50, 1));
        let ws = Workspace::from_text("bench.agon", &text);
        assert!(!ws.has_errors(), "generated theory has errors");
        let school = ws.theory.school(SchoolId(0));
        let (cell, m) = evaluation_cell(school, &options, Semantics::SemiStable);
        println!("| {rules} | {cell} | {m:.0} MiB |");
    }

    println!("\nThe doubling chain (x_i from x_(i-1), and from x_(i-1) and a; 2^L argument trees), every semantics:\n");
    println!("| L | all six semantics | standing of `a` |");
    println!("| ---: | ---: | --- |");
    for len in [17, 100, 1_000] {
        let mut text = String::from("claim a \"A.\". claim z \"Z.\".\nz is contrary to a.\nschool s \"S\" {\n premise a.\n x0 follows from a.\n");
        for i in 1..=len {
            text.push_str(&format!(
                " x{i} follows from x{}.\n x{i} follows from x{}, a.\n",
                i - 1,
                i - 1
            ));
        }
        text.push_str(&format!(" z follows from x{len}.\n}}\n"));
        for i in 0..=len {
            text.push_str(&format!("claim x{i} \"X.\".\n"));
        }
        let ws = Workspace::from_text("chain.agon", &text);
        assert!(!ws.has_errors());
        let school = ws.theory.school(SchoolId(0));
        let o = Options {
            transposition: false,
            ..options
        };
        let (standing, t, _) = measure(|| {
            let mut last = None;
            for semantics in Semantics::ALL {
                let e = reasoning::evaluate(school, SchoolId(0), &o, semantics);
                last = e
                    .standings
                    .get(&agon::model::Literal::pos(
                        ws.theory.claim_named("a").unwrap(),
                    ))
                    .copied();
            }
            last
        });
        println!(
            "| {len} | {} | {} |",
            ms(t),
            standing.map_or("—", |s| s.word())
        );
    }

    println!("\nRival schools (all pairs compared under grounded semantics):\n");
    println!("| schools x claims | parse + resolve | standings of every school | all pairs: cruxes | peak heap |");
    println!("| ---: | ---: | ---: | ---: | ---: |");
    for (schools, claims) in [(3, 1_000), (10, 1_000), (10, 10_000)] {
        if claims > max {
            continue;
        }
        let text = agon::synth::rival_schools(schools, claims, 3);
        let (ws, t_parse, m_parse) = measure(|| Workspace::from_text("rivals.agon", &text));
        assert!(!ws.has_errors());
        let ids: Vec<SchoolId> = (0..schools as u32).map(SchoolId).collect();
        let mut reasoner = Reasoner::new(&ws.theory, options, Semantics::Grounded);
        let (standings, t_standings, m_standings) =
            measure(|| reasoner.all_standings(&ids, Semantics::Grounded));
        let (pairs, t_pairs, m_pairs) = measure(|| {
            let views = diverge::Views::build(&ws.theory, &ids, &standings);
            let mut n = 0;
            for (i, &a) in ids.iter().enumerate() {
                for &b in &ids[i + 1..] {
                    n += diverge::compare_pair(&ws.theory, (a, b), &standings, &views)
                        .divergences
                        .len();
                }
            }
            n
        });
        let peak = m_parse.max(m_standings).max(m_pairs);
        println!(
            "| {schools} x {claims} | {} | {} | {} ({pairs} divergences) | {peak:.0} MiB |",
            ms(t_parse),
            ms(t_standings),
            ms(t_pairs)
        );
    }
}

/// A generated theory with a claim contrary to itself added as a premise of its school: it
/// is undecided in every complete extension, so there is no stable one, and semi-stable must
/// compare the arguments complete sets leave undecided.
fn without_stable(text: &str) -> String {
    let school = text.find("school ").expect("a school");
    let end = text.rfind('}').expect("the school closes");
    format!(
        "{}claim odd \"A claim that attacks itself.\".\nodd is contrary to odd.\n{}    premise odd.\n}}\n",
        &text[..school],
        &text[school..end]
    )
}

/// One school evaluated under one semantics: its time (with how many standings are unknown,
/// if any) and its peak heap.
fn evaluation_cell(
    school: &agon::model::School,
    options: &Options,
    semantics: Semantics,
) -> (String, f64) {
    let (e, t, m) = measure(|| reasoning::evaluate(school, SchoolId(0), options, semantics));
    let unknown = e
        .standings
        .values()
        .filter(|s| **s == agon::diverge::Standing::Unknown)
        .count();
    let cell = if unknown > 0 {
        format!("{} ({unknown} of {} unknown)", ms(t), e.standings.len())
    } else {
        ms(t)
    };
    (cell, m)
}

fn ms(t: f64) -> String {
    if t >= 1000.0 {
        format!("{:.2} s", t / 1000.0)
    } else {
        format!("{t:.1} ms")
    }
}
