//! Stream tags (retired by Twitch; kept as the seed had them).

use super::{Absent::*, Body, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

const BROADCASTER: Param = Param::new("broadcaster_id", Str, Required);

#[allow(non_upper_case_globals)]
pub static get_all_stream_tags: Spec = Spec {
    params: &[
        Param::new("after", Str, Optional),
        Param::new("first", U32, Optional),
        Param::new("tag_ids", Strs, Optional),
    ],
    rules: &[Range("first", 1, 100), Count(&["tag_ids"], 0, 100)],
    query: &[
        Out::new("tag_id", "tag_ids", Skip),
        Out::new("first", "first", Is("20")),
        Out::new("after", "after", Skip),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_stream_tags: Spec = Spec {
    params: &[BROADCASTER],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[Out::new("broadcaster_id", "broadcaster_id", Skip)],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static replace_stream_tags: Spec = Spec {
    params: &[BROADCASTER, Param::new("tag_ids", Strs, Present)],
    rules: &[Count(&["tag_ids"], 0, 100)],
    query: &[Out::new("broadcaster_id", "broadcaster_id", Skip)],
    body: &[Out::new("tag_ids", "tag_ids", Is("[]"))],
    shape: Body::Object,
    ..Spec::EMPTY
};
