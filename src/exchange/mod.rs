//! Exchange formats: a school written for other tools, and AIF read back. AIF JSON (AIFdb,
//! OVA; export and import, [`aif`]), Argdown ([`argdown`]), GraphML ([`graphml`]), the argument
//! framework as ICCMA `p af` or ASPARTIX `apx` ([`af`]); the flat ABA form (`p aba`) lives in
//! [`crate::iccma::write`] and py_arg's JSON in [`crate::aspic::pyarg`].

pub mod af;
pub mod aif;
pub mod argdown;
pub mod graphml;
