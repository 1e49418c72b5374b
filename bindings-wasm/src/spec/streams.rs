//! Streams: streams, keys, markers.

use super::{Absent::*, Body, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static get_streams: Spec = Spec {
    params: &[
        Param::new("after", Str, Optional),
        Param::new("before", Str, Optional),
        Param::new("first", U32, Optional),
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
        Out::new("user_id", "user_id", Skip),
        Out::new("user_login", "user_login", Skip),
        Out::new("game_id", "game_id", Skip),
        Out::new("language", "language", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("before", "before", Skip),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_stream_key: Spec = Spec {
    params: &[Param::new("broadcaster_id", Str, Required)],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[Out::new("broadcaster_id", "broadcaster_id", Skip)],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_stream_markers: Spec = Spec {
    params: &[
        Param::new("user_id", Str, Optional),
        Param::new("video_id", Str, Optional),
        Param::new("after", Str, Optional),
        Param::new("before", Str, Optional),
        Param::new("first", U32, Optional),
    ],
    rules: &[ExactlyOne(&["user_id", "video_id"]), Range("first", 1, 100)],
    query: &[
        Out::new("user_id", "user_id", Skip),
        Out::new("video_id", "video_id", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
        Out::new("before", "before", Skip),
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
    body: &[
        Out::new("user_id", "user_id", Skip),
        Out::new("description", "description", Skip),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};
