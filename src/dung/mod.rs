//! Abstract argumentation frameworks (Dung 1995) and their semantics.
