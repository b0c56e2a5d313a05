//! `cargo bench --bench scale`: time and peak heap of agon's stages on generated theories
//! (layered rule chains with conflicts, 100 to 100k rules; rival schools for `diverge`).
//! Prints a table; the README quotes it. Peak heap is measured by a counting allocator and
//! reset before each stage, so each figure is that stage's own high-water mark.
//! `AGON_BENCH_MAX=10000` limits the sizes (e.g. for a quick run).

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
    println!("| rules | parse + resolve (ms) | peak (MiB) |");
    println!("| ---: | ---: | ---: |");
    for rules in [100, 1_000, 10_000, 100_000]
        .into_iter()
        .filter(|&r| r <= max)
    {
        let text = agon::synth::layered(rules, 50, 1);
        let (ws, ms, mib) = measure(|| Workspace::from_text("bench.agon", &text));
        assert!(!ws.has_errors(), "generated theory has errors");
        println!("| {rules} | {ms:.1} | {mib:.1} |");
    }
}
