//! Clips.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static create_clip: Spec = Spec {
    params: &[BROADCASTER, Param::new("has_delay", Bool, Optional)],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[
        Out::same("broadcaster_id"),
        Out::same_or("has_delay", "false"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_clips: Spec = Spec {
    params: &[
        Param::new("broadcaster_id", Str, Optional),
        Param::new("game_id", Str, Optional),
        Param::new("clip_id", Strs, Optional),
        AFTER,
        BEFORE,
        Param::new("ended_at", Time, Optional),
        Param::new("started_at", Time, Optional),
        FIRST,
    ],
    rules: &[
        ExactlyOne(&["clip_id", "broadcaster_id", "game_id"]),
        NotEmpty("broadcaster_id"),
        NotEmpty("game_id"),
        NotEmpty("clip_id"),
        Count(&["clip_id"], 0, 100),
        Range("first", 1, 100),
    ],
    query: &[
        Out::new("id", "clip_id", Skip),
        Out::same("broadcaster_id").unless("clip_id"),
        Out::same("game_id").unless("clip_id"),
        Out::same("started_at").unless("clip_id"),
        Out::same("ended_at").unless("clip_id"),
        Out::same_or("first", "20").unless("clip_id"),
        Out::same("before").unless("clip_id"),
        Out::same("after").unless("clip_id"),
    ],
    ..Spec::EMPTY
};
