//! Search.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static search_categories: Spec = Spec {
    params: &[
        Param::new("query", Str, Required),
        Param::new("first", U32, Optional),
        Param::new("after", Str, Optional),
    ],
    rules: &[NotEmpty("query"), Range("first", 1, 100)],
    query: &[
        Out::new("query", "query", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static search_channels: Spec = Spec {
    params: &[
        Param::new("query", Str, Required),
        Param::new("first", U32, Optional),
        Param::new("after", Str, Optional),
        Param::new("live_only", Bool, Optional),
    ],
    rules: &[NotEmpty("query"), Range("first", 1, 100)],
    query: &[
        Out::new("query", "query", Skip),
        Out::new("live_only", "live_only", Is("false")),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};
