//! Videos.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

const PERIOD: &[&str] = &["all", "day", "week", "month", "year"];

#[allow(non_upper_case_globals)]
pub static get_videos: Spec = Spec {
    params: &[
        Param::new("ids", Strs, Optional),
        Param::new("user_id", Str, Optional),
        Param::new("game_id", Str, Optional),
        Param::new("after", Str, Optional),
        Param::new("before", Str, Optional),
        Param::new("first", U32, Optional),
        Param::new("language", Str, Optional),
        Param::new("period", Enum(PERIOD), Optional),
        Param::new("sort", Enum(&["time", "trending", "views"]), Optional),
        Param::new(
            "video_type",
            Enum(&["all", "upload", "archive", "highlight"]),
            Optional,
        ),
    ],
    rules: &[
        ExactlyOne(&["ids", "user_id", "game_id"]),
        NotEmpty("ids"),
        NotEmpty("user_id"),
        NotEmpty("game_id"),
        Count(&["ids"], 0, 100),
        Range("first", 1, 100),
    ],
    query: &[
        Out::new("id", "ids", Skip),
        Out::new("user_id", "user_id", Skip).unless("ids"),
        Out::new("game_id", "game_id", Skip).unless("ids"),
        Out::new("language", "language", Skip).unless("ids"),
        Out::new("period", "period", Is("all")).unless("ids"),
        Out::new("sort", "sort", Is("time")).unless("ids"),
        Out::new("type", "video_type", Is("all")).unless("ids"),
        Out::new("first", "first", Is("20")).unless("ids"),
        Out::new("after", "after", Skip).unless("ids"),
        Out::new("before", "before", Skip).unless("ids"),
    ],
    ..Spec::EMPTY
};
