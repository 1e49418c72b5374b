//! Chat.

use super::prelude::*;

#[allow(non_upper_case_globals)]
pub static send_chat_message: Spec = Spec {
    params: &[
        BROADCASTER,
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
        Out::same("broadcaster_id"),
        Out::same("sender_id"),
        Out::same("message"),
        Out::same("reply_parent_message_id"),
        Out::same("for_source_only"),
    ],
    shape: Body::Object,
    ..Spec::EMPTY
};
