//! Search.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static search_categories: Spec = Spec {
    params: &[Param::new("query", Str, Required), FIRST, AFTER],
    rules: &[NotEmpty("query"), Range("first", 1, 100)],
    query: &[
        Out::same("query"),
        Out::same_or("first", "20"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static search_channels: Spec = Spec {
    params: &[
        Param::new("query", Str, Required),
        FIRST,
        AFTER,
        Param::new("live_only", Bool, Optional),
    ],
    rules: &[NotEmpty("query"), Range("first", 1, 100)],
    query: &[
        Out::same("query"),
        Out::same_or("live_only", "false"),
        Out::same_or("first", "20"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};
