//! Extensions.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static get_extension_transactions: Spec = Spec {
    params: &[
        Param::new("extension_id", Str, Required),
        Param::new("transaction_id", Str, Optional),
        Param::new("after", Str, Optional),
        Param::new("first", U32, Optional),
    ],
    rules: &[NotEmpty("extension_id"), Range("first", 1, 100)],
    query: &[
        Out::new("extension_id", "extension_id", Skip),
        Out::new("id", "transaction_id", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};
