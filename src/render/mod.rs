//! Renderers: turning a theory (and what the reasoner concluded) into artefacts for people:
//! Graphviz DOT figures for papers.

pub mod dot;
