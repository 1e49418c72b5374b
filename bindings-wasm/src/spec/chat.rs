//! Chat.

use super::{Absent::*, Body, Kind::*, Out, Param, Presence::*, Rule::*, Spec};

#[allow(non_upper_case_globals)]
pub static send_chat_message: Spec = Spec {
    params: &[
        Param::new("broadcaster_id", Str, Required),
        Param::new("sender_id", Str, Required),
        Param::new("message", Str, Required),
        Param::new("reply_parent_message_id", Str, Optional),
        Param::new("for_source_only", Bool, Optional),
    ],
    rules: &[
        NotEmpty("broadcaster_id"),
        NotEmpty("sender_id"),
        Chars("message", 1, 500),
    ],
    body: &[
        Out::new("broadcaster_id", "broadcaster_id", Skip),
        Out::new("sender_id", "sender_id", Skip),
        Out::new("message", "message", Skip),
        Out::new("reply_parent_message_id", "reply_parent_message_id", Skip),
        Out::new("for_source_only", "for_source_only", Skip),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};
