//! Subscriptions.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_broadcaster_subscriptions: Spec = Spec {
    params: &[
        BROADCASTER,
        Param::new("user_ids", Strs, Optional),
        AFTER,
        FIRST,
    ],
    rules: &[Count(&["user_ids"], 0, 100), Range("first", 1, 100)],
    query: &[
        Out::same("broadcaster_id"),
        Out::new("user_id", "user_ids", Skip),
        Out::same_or("first", "20"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};
