//! Generates the theory-language parser from `grammar/` into `OUT_DIR` (never committed).
fn main() {
    lalrpop::Configuration::new()
        .emit_rerun_directives(true)
        .process_dir("grammar")
        .expect("lalrpop grammar failed to build");
}
