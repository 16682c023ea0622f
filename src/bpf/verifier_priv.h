/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * verifier_priv.h - the verifier's abstract state (registers, stack frames, references) and the
 * functions its files share. Not a public header.
 */
#ifndef VXBPF_VERIFIER_PRIV_H
#define VXBPF_VERIFIER_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prog_priv.h"
#include "vxbpf/helper.h"
#include "vxbpf/verifier.h"

#define V_MAX_FRAMES 8
#define V_STACK 512
#define V_SLOTS (V_STACK / 8)
#define V_MAX_REFS 16
#define V_MAX_VAR_OFF (1 << 29)
#define V_MAX_PACKET_OFF 0xffff
/*
 * Checkpoints kept per instruction (each lookup compares them all). Inside a loop a body that
 * branches needs several per iteration at the same instruction, each from its own iteration
 * (a DNS label loop of 64 bytes: corpus/dns_filter.c, pos/loop_checkpoint_cap.s): more there.
 */
#define V_MAX_PER_INSN 16
#define V_MAX_PER_LOOP_INSN 64
#define V_MAX_PENDING 8192 /* branches waiting to be explored (the kernel's jump sequence limit) */

/* A set of 64-bit values: bits in mask unknown, the others equal to value's. */
struct tnum {
	uint64_t value;
	uint64_t mask;
};

enum vtype {
	T_NOT_INIT,
	T_SCALAR,
	T_CTX,
	T_PKT,
	T_PKT_META,
	T_PKT_END,
	T_STACK,
	T_MAP_VALUE,
	T_MAP_PTR,
	T_MAP_KEY, /* a for_each_map_elem callback's key (read only) */
	T_MEM,	   /* a ring buffer sample */
	T_FUNC,
};

/*
 * One register. Scalars: var and the bounds describe the value. Pointers: off is the fixed part
 * of the offset, var and the bounds its variable part.
 */
struct vreg {
	uint8_t type;	    /* enum vtype */
	uint8_t maybe_null; /* map value / mem: not yet NULL-checked */
	uint8_t frameno;    /* stack: whose frame */
	uint8_t precise;    /* checkpoints only: this scalar's value decided something later */
	int32_t off;
	uint32_t id;	 /* NULL-check / packet range / linked scalar identity */
	uint32_t ref_id; /* ring buffer sample reference */
	uint32_t range;	 /* packet: bytes proven from the base; mem: size */
	int32_t map;	 /* map index; func: subprogram index */
	struct tnum var;
	int64_t smin, smax;
	uint64_t umin, umax;
	int32_t s32min, s32max;
	uint32_t u32min, u32max;
};

/* Helpers the verifier treats apart (numbers of the kernel's ABI). */
#define HELPER_TRACE_PRINTK 6
#define HELPER_RINGBUF_RESERVE 131
#define HELPER_FOR_EACH_MAP_ELEM 164
#define HELPER_LOOP 181

/*
 * Stack byte kinds: never written, some number, zero, part of a spilled register, or a byte
 * of a known constant stored narrower than 8 bytes at the start of its slot (a 4-byte map key):
 * its value is that byte of the slot's spill.var.value (the slot is not a spill then).
 */
enum { S_INVALID, S_MISC, S_ZERO, S_SPILL, S_CONST };

/* 8 stack bytes; slot i covers [-8(i+1), -8i) from the frame pointer. */
struct vslot {
	uint8_t type[8];
	struct vreg spill;
};

/* The value of byte i of a slot whose kind there is S_ZERO or S_CONST. */
static inline uint8_t slot_byte(const struct vslot *sl, int i)
{
	return sl->type[i] == S_CONST ? (uint8_t)(sl->spill.var.value >> (8 * i)) : 0;
}

/*
 * A frame's stack slots are shared copy-on-write between the states copied from one another
 * (most branches never touch the stack): a reference count sits before the array. Read them
 * freely; change them only through frame_slots_mut() (or stack_slots() with write set).
 */
struct vframe {
	struct vreg regs[VX_NREGS];
	int callsite; /* insn of the call that made this frame (-1 for the main frame) */
	int subprog;
	bool in_callback;
	/* bpf_loop iterations this frame has explored of the loop it is in (the kernel's
	 * callback_depth): no more than the loop count are explored, a state that has explored
	 * more iterations never covers one that has explored fewer */
	uint32_t cb_depth;
	int nslots;
	struct vslot *slots;
};

struct vref {
	uint32_t id;
	int insn;
	int frameno; /* frame that acquired it */
};

struct vsl;

/* One instruction of a path since its last checkpoint, for precision backtracking. */
struct vhist {
	int idx;
	uint16_t linked; /* conditional jump: registers sharing an id with its operands */
	uint8_t bad;	 /* ... or linked in a way backtracking cannot follow */
};

struct vstate {
	int curframe;
	struct vframe *frames[V_MAX_FRAMES];
	struct vref refs[V_MAX_REFS];
	int nrefs;
	int insn;
	struct vsl *parent; /* the last stored checkpoint on this path */
	struct vhist *hist; /* instructions since parent */
	int nhist, caphist;
};

/* A stored state (checkpoint) and its count of paths still being explored. */
struct vsl {
	struct vstate *st;
	struct vsl *parent;
	struct vsl *next; /* next at the same insn */
	int branches;
	int insn;
	int hit, miss; /* pruning successes and failures against this checkpoint */
	struct vhist *hist; /* the path from parent to this checkpoint */
	int nhist, caphist;
	bool all_precise; /* every scalar marked precise here and above */
	bool evicted;	  /* no longer in its instruction's list */
};

struct vsub {
	int start, end;
	int stack_depth;
	bool has_tail_call;
};

struct venv {
	const struct vx_prog *prog;
	const struct vx_insn *insns;
	int len;
	unsigned helper_class;
	struct vx_error *err;
	char *log;
	size_t log_size, log_pos;
	bool log_wrapped;
	unsigned log_level;

	int nsub;
	struct vsub *subs;
	int *insn_sub;
	uint16_t *live; /* registers live before each insn */
	bool *prune;	/* checkpoint here */
	bool *cb_call;	/* a helper call with a callback */
	bool reads_unwritten; /* some path reads stack bytes it never wrote: engines zero frames */
	bool *loop_head; /* the target of a backward jump: where a path may meet itself */
	uint8_t *in_cycle; /* between a backward jump and its target, or in a callback's function */
	uint8_t *ptr_kind; /* per insn: what memory the load/store addressed (ctx vs others) */
	uint8_t *stack_indirect; /* per insn: touched the stack through other than r10 */
	struct vhist last; /* the history entry of the instruction being checked */

	struct vsl **explored;
	int *nexplored;		/* length of each explored list */
	struct vsl *evicted;	/* checkpoints dropped from their list, kept for branch counts */
	unsigned long last_store; /* processed count at the last checkpoint stored */
	unsigned long last_store_jmps; /* jumps processed at the last checkpoint stored */
	unsigned long jmps;	  /* jumps processed */
	unsigned long nstored;	  /* checkpoints stored in all */
	unsigned long nlive;	  /* checkpoints whose state is still kept */
	unsigned long ncompared;  /* comparisons of states */
	struct vstate **stack; /* pending branches */
	int nstack, capstack;
	struct vstate *cur;
	uint32_t id_gen;
	unsigned long processed;
	unsigned long max_processed;
	struct vx_verify_facts *facts;
};

/* tnum */
struct tnum tn_const(uint64_t v);
struct tnum tn_unknown(void);
struct tnum tn_range(uint64_t min, uint64_t max);
struct tnum tn_add(struct tnum a, struct tnum b);
struct tnum tn_sub(struct tnum a, struct tnum b);
struct tnum tn_and(struct tnum a, struct tnum b);
struct tnum tn_or(struct tnum a, struct tnum b);
struct tnum tn_xor(struct tnum a, struct tnum b);
struct tnum tn_mul(struct tnum a, struct tnum b);
struct tnum tn_lsh(struct tnum a, unsigned s);
struct tnum tn_rsh(struct tnum a, unsigned s);
struct tnum tn_arsh(struct tnum a, unsigned s, unsigned bits);
struct tnum tn_intersect(struct tnum a, struct tnum b);
struct tnum tn_cast(struct tnum a, unsigned bytes);
bool tn_in(struct tnum a, struct tnum b);
bool tn_is_const(struct tnum a);
int tn_str(char *buf, size_t size, struct tnum a);

/* scalars */
void reg_mark_unknown(struct vreg *r);
void reg_mark_const(struct vreg *r, uint64_t v);
void reg_mark_not_init(struct vreg *r);
void reg_sync(struct vreg *r);
bool reg_is_const(const struct vreg *r);
bool reg_bounds_empty(const struct vreg *r);
void reg_zext32(struct vreg *r);
void reg_bound_bytes(struct vreg *r, unsigned size);
int scalar_alu(struct venv *env, const struct vx_insn *in, struct vreg *dst,
	       const struct vreg *src);
bool scalar_refine(struct vreg *a, struct vreg *b, uint8_t op, bool is32);
uint8_t jmp_negate(uint8_t op);
uint8_t jmp_swap(uint8_t op);

/* memory */
int check_load_store(struct venv *env, int idx, const struct vx_insn *in);
int check_atomic(struct venv *env, int idx, const struct vx_insn *in);
int check_mem_region(struct venv *env, int idx, int regno, const struct vreg *r, int off,
		     int size, bool write, bool helper);
struct vslot *stack_slots(struct venv *env, struct vframe *f, int need_bytes, bool write);
struct vslot *frame_slots_mut(struct vframe *f);
void frame_slots_put(struct vframe *f);
void stack_note_depth(struct venv *env, int frameno, int depth);
void note_unwritten_read(struct venv *env);

/* calls */
int check_helper_call(struct venv *env, int idx, const struct vx_insn *in, int *next);
int check_local_call(struct venv *env, int idx, const struct vx_insn *in, int *next);
int check_exit(struct venv *env, int idx, int *next);
int release_ref(struct vstate *st, uint32_t ref_id);

/* structure */
int cfg_check(struct venv *env);
int cfg_walk_calls(struct venv *env, int *max_stack);

/* states */
struct vstate *state_copy(const struct vstate *s);
struct vslot *slots_grow(struct vframe *f, int n);
void frame_free(struct vframe *f);
void vm_reset(void);
void vm_drain(void);
size_t vm_used(void);
size_t vm_peak(void);
void *vm_alloc(size_t n, bool zero);
void *vm_realloc(void *p, size_t old, size_t n);
void vm_free(void *p, size_t n);
void state_free(struct vstate *s);
struct vframe *frame_new(int callsite, int subprog);
enum { CMP_RANGE, CMP_PRECISE, CMP_EXACT };
bool states_equal(struct venv *env, const struct vstate *old, const struct vstate *cur,
		  int mode);
int hist_push(struct vstate *st, const struct vhist *h);
int mark_reg_precise(struct venv *env, int regno);
int mark_slots_precise(struct venv *env, int frameno, uint64_t mask);
int propagate_precision(struct venv *env, const struct vstate *old, bool all);
void widen_scalars(struct vstate *cur, const struct vstate *old);

/* driver services */
struct vframe *cur_frame(struct venv *env);
struct vreg *cur_regs(struct venv *env);
int verr(struct venv *env, int idx, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void vlog(struct venv *env, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
uint32_t new_id(struct venv *env);
const char *vtype_name(const struct vreg *r);
int check_reg_read(struct venv *env, int idx, int regno);
bool is_pointer(const struct vreg *r);
int push_branch(struct venv *env, struct vstate *st);
int for_each_reg(struct vstate *st, void (*fn)(struct vreg *r, void *arg), void *arg);

#endif /* VXBPF_VERIFIER_PRIV_H */
