//! Hype Train.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_hype_train_events: Spec = Spec {
    params: &[
        BROADCASTER,
        FIRST,
        Param::new("id", Str, Optional),
        Param::new("cursor", Str, Optional),
    ],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::same("broadcaster_id"),
        Out::same_or("first", "1"),
        Out::same("id"),
        Out::new("after", "cursor", Skip),
    ],
    ..Spec::EMPTY
};
