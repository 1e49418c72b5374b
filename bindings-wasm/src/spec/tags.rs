//! Stream tags (retired by Twitch; kept as the seed had them).

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static get_all_stream_tags: Spec = Spec {
    params: &[AFTER, FIRST, Param::new("tag_ids", Strs, Optional)],
    rules: &[Range("first", 1, 100), Count(&["tag_ids"], 0, 100)],
    query: &[
        Out::new("tag_id", "tag_ids", Skip),
        Out::same_or("first", "20"),
        Out::same("after"),
    ],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static get_stream_tags: Spec = Spec {
    params: &[BROADCASTER],
    rules: &[NotEmpty("broadcaster_id")],
    query: &[Out::same("broadcaster_id")],
    ..Spec::EMPTY
};

#[allow(non_upper_case_globals)]
pub static replace_stream_tags: Spec = Spec {
    params: &[BROADCASTER, Param::new("tag_ids", Strs, Present)],
    rules: &[Count(&["tag_ids"], 0, 100)],
    query: &[Out::same("broadcaster_id")],
    body: &[Out::same_or("tag_ids", "[]")],
    shape: Body::Object,
    ..Spec::EMPTY
};
