//! Streams: streams, keys, markers.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_streams: Spec = Spec {
    params: &[
        AFTER,
        BEFORE,
        FIRST,
        Param::new("game_id", Strs, Optional),
        Param::new("language", Strs, Optional),
        Param::new("user_id", Strs, Optional),
        Param::new("user_login", Strs, Optional),
    ],
    rules: &[
        Range("first", 1, 100),
        Count(&["user_id"], 0, 100),
        Count(&["user_login"], 0, 100),
        Count(&["game_id"], 0, 100),
        Count(&["language"], 0, 100),
    ],
    query: &[
        Out::same("user_id"),
        Out::same("user_login"),
        Out::same("game_id"),
        Out::same("language"),
        Out::same_or("first", "20"),
        Out::same("before"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_stream_key: Spec = Spec {
    params: &[BROADCASTER],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[Out::same("broadcaster_id")],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_stream_markers: Spec = Spec {
    params: &[
        Param::new("user_id", Str, Optional),
        Param::new("video_id", Str, Optional),
        AFTER,
        BEFORE,
        FIRST,
    ],
    rules: &[ExactlyOne(&["user_id", "video_id"]), Range("first", 1, 100)],
    query: &[
        Out::same("user_id"),
        Out::same("video_id"),
        Out::same_or("first", "20"),
        Out::same("after"),
        Out::same("before"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static create_stream_marker: Spec = Spec {
    params: &[
        Param::new("user_id", Str, Required),
        Param::new("description", Str, Optional),
    ],
    rules: &[Chars("description", 0, 140)],
    body: &[Out::same("user_id"), Out::same("description")],
    shape: Body::Object,
    ..Spec::EMPTY
};
