//! Bits.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static get_bits_leaderboard: Spec = Spec {
    params: &[
        Param::new("count", U32, Optional),
        Param::new(
            "period",
            Enum(&["all", "day", "week", "month", "year"]),
            Optional,
        ),
        Param::new("started_at", Time, Optional),
        Param::new("user_id", Str, Optional),
    ],
    rules: &[Range("count", 1, 100)],
    query: &[
        Out::new("count", "count", Is("10")),
        Out::new("period", "period", Is("all")),
        Out::new("started_at", "started_at", Skip),
        Out::new("user_id", "user_id", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_cheermotes: Spec = Spec {
    params: &[Param::new("broadcaster_id", Str, Required)],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[Out::new("broadcaster_id", "broadcaster_id", Skip)],
    ..Spec::EMPTY
};
