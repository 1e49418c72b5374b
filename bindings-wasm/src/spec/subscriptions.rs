//! Subscriptions.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static get_broadcaster_subscriptions: Spec = Spec {
    params: &[
        Param::new("broadcaster_id", Str, Required),
        Param::new("user_ids", Strs, Optional),
        Param::new("after", Str, Optional),
        Param::new("first", U32, Optional),
    ],
    rules: &[Count(&["user_ids"], 0, 100), Range("first", 1, 100)],
    query: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("user_id", "user_ids", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};
