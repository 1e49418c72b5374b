//! Clips.

use super::{Absent::*, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static create_clip: Spec = Spec {
    params: &[
        Param::new("broadcaster_id", Str, Required),
        Param::new("has_delay", Bool, Optional),
    ],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("has_delay", "has_delay", Is("false")),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_clips: Spec = Spec {
    params: &[
        Param::new("broadcaster_id", Str, Optional),
        Param::new("game_id", Str, Optional),
        Param::new("clip_id", Strs, Optional),
        Param::new("after", Str, Optional),
        Param::new("before", Str, Optional),
        Param::new("ended_at", Time, Optional),
        Param::new("started_at", Time, Optional),
        Param::new("first", U32, Optional),
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
        Out::new("broadcaster_id", "broadcaster_id", Skip).unless("clip_id"),
        Out::new("game_id", "game_id", Skip).unless("clip_id"),
        Out::new("started_at", "started_at", Skip).unless("clip_id"),
        Out::new("ended_at", "ended_at", Skip).unless("clip_id"),
        Out::new("first", "first", Is("20")).unless("clip_id"),
        Out::new("before", "before", Skip).unless("clip_id"),
        Out::new("after", "after", Skip).unless("clip_id"),
    ],
    ..Spec::EMPTY
};
