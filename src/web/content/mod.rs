//! The content script: what every AliExpress page loads. It recognises the page, shows the
//! assistant in its own closed shadow root, runs the backup and points at the closing flow's
//! controls. Built only with the `content` feature.

pub mod addresses;
pub mod backup_run;
pub mod crash;
pub mod detail_frame;
pub mod downloads;
pub mod head_field;
pub mod overlay;
pub mod page_report;
pub mod perf;
pub mod pointer;
pub mod reviews;
pub mod session;
pub mod wait;
pub mod watch;
