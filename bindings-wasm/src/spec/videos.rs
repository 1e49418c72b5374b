//! Videos.

use super::prelude::*;

const PERIOD: &[&str] = &["all", "day", "week", "month", "year"];

#[allow(non_upper_case_globals)]
pub static get_videos: Spec = Spec {
    params: &[
        Param::new("ids", Strs, Optional),
        Param::new("user_id", Str, Optional),
        Param::new("game_id", Str, Optional),
        AFTER,
        BEFORE,
        FIRST,
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
        Out::same("user_id").unless("ids"),
        Out::same("game_id").unless("ids"),
        Out::same("language").unless("ids"),
        Out::same_or("period", "all").unless("ids"),
        Out::same_or("sort", "time").unless("ids"),
        Out::new("type", "video_type", Is("all")).unless("ids"),
        Out::same_or("first", "20").unless("ids"),
        Out::same("after").unless("ids"),
        Out::same("before").unless("ids"),
    ],
    ..Spec::EMPTY
};
