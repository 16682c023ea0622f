# helper_kernel_only.s - rejected: bpf_get_current_pid_tgid, which names a host task.
# ctx: xdp
# rule: helpers that expose host state are not offered
# policy: the current task is host state; the engine does not offer it
# expect: get_current_pid_tgid#14 is not supported
call 14
mov %r0, 2
exit
