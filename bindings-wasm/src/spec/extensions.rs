//! Extensions.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_extension_transactions: Spec = Spec {
    params: &[
        Param::new("extension_id", Str, Required),
        Param::new("transaction_id", Str, Optional),
        AFTER,
        FIRST,
    ],
    rules: &[NotEmpty("extension_id"), Range("first", 1, 100)],
    query: &[
        Out::same("extension_id"),
        Out::new("id", "transaction_id", Skip),
        Out::same_or("first", "20"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};
