//! Webhooks (the retired WebSub subscriptions).

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static get_webhook_subscriptions: Spec = Spec {
    params: &[
        Param::new("first", U32, Optional),
        Param::new("after", Str, Optional),
    ],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};
