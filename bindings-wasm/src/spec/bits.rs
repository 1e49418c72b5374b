//! Bits.

use super::prelude::*;

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
        Out::same_or("count", "10"),
        Out::same_or("period", "all"),
        Out::same("started_at"),
        Out::same("user_id"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_cheermotes: Spec = Spec {
    params: &[BROADCASTER],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[Out::same("broadcaster_id")],
    ..Spec::EMPTY
};
