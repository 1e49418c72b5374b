//! Hype Train.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static get_hype_train_events: Spec = Spec {
    params: &[
        Param::new("broadcaster_id", Str, Required),
        Param::new("first", U32, Optional),
        Param::new("id", Str, Optional),
        Param::new("cursor", Str, Optional),
    ],
    rules: &[Range("first", 1, 100)],
    query: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("first", "first", Is("1")),
        Out::new("id", "id", Skip),
        Out::new("after", "cursor", Skip),
    ],
    ..Spec::EMPTY
};
