// SPDX-License-Identifier: BSD-2-Clause
/*
 * map_lpm.c - LPM_TRIE, the longest-prefix-match map, with the kernel's semantics (lpm_trie.c).
 *
 * A key is a u32 prefix length (host order) followed by data_size bytes (1..256) read as a big
 * endian bit string. The trie is binary and path-compressed: each node holds a prefix, and a
 * node with a value may have up to two children (the next bit after its prefix picks one);
 * where two prefixes part, an intermediate node without a value joins them. Every intermediate
 * node has exactly two children. The shape depends only on the set of prefixes, so it is the
 * kernel's shape.
 *
 * - lookup (both sides): the longest stored prefix that matches the key and is not longer than
 *   the key's prefix length; a key prefix length above data_size * 8 finds nothing.
 * - update/delete: the exact prefix. Update flags as the kernel (6.14 on): BPF_NOEXIST on an
 *   existing prefix -EEXIST, BPF_EXIST on a missing one -ENOENT, other flags -EINVAL; a new
 *   prefix in a full trie -ENOSPC; a prefix length above the maximum -EINVAL. The bits of the
 *   data past the prefix length are stored as given and come back from get_next_key.
 * - get_next_key: post-order (the kernel's order): children before their parent, the 0 side
 *   before the 1 side, so more specific prefixes come first; a NULL or missing key gives the
 *   first one.
 *
 * Programs look up without locks under RCU; writers (either side) take the trie's mutex. A node
 * whose value changes is replaced and freed after a grace period; a deleted node with two
 * children becomes intermediate in place (its memory stays valid), as in the kernel.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "map_priv.h"

#define LPM_IM 1u /* intermediate node: no value */

struct lpm_node {
	struct vx_rcu_head rcu;
	struct lpm_node *child[2];
	uint32_t prefixlen;
	uint32_t flags; /* read and written atomically: a delete may set LPM_IM in place */
	unsigned char data[] __attribute__((aligned(8)));
};

struct lpm {
	struct vx_map map;
	pthread_mutex_t lock; /* every writer, and the control side's readers */
	struct lpm_node *root;
	uint32_t data_size, max_prefixlen;
	uint32_t n_entries;   /* nodes with a value */
	size_t value_off;     /* from the node's start, 8-byte aligned */
};

/* A key's parts; the caller's key may be unaligned. */
struct lpm_key {
	uint32_t prefixlen;
	const unsigned char *data;
};

static struct lpm *to_lpm(struct vx_map *map)
{
	return vx_container_of(map, struct lpm, map);
}

static struct lpm_key key_parts(const void *key)
{
	struct lpm_key k;

	memcpy(&k.prefixlen, key, sizeof(k.prefixlen));
	k.data = (const unsigned char *)key + sizeof(k.prefixlen);
	return k;
}

static unsigned bit_at(const unsigned char *data, uint32_t index)
{
	return (data[index / 8] >> (7 - index % 8)) & 1;
}

static bool is_im(const struct lpm_node *n)
{
	return __atomic_load_n(&n->flags, __ATOMIC_ACQUIRE) & LPM_IM;
}

static unsigned char *node_value(const struct lpm *t, struct lpm_node *n)
{
	return (unsigned char *)n + t->value_off;
}

/* How many leading bits of the node's prefix the key matches, at most min of both lengths. */
static uint32_t match_len(const struct lpm_node *n, const struct lpm_key *k)
{
	uint32_t limit = n->prefixlen < k->prefixlen ? n->prefixlen : k->prefixlen;
	uint32_t i, bits;
	unsigned diff;

	for (i = 0; i * 8 < limit; i++) {
		diff = n->data[i] ^ k->data[i];
		if (diff) {
			bits = i * 8 + (uint32_t)__builtin_clz(diff) - 24;
			return bits < limit ? bits : limit;
		}
	}
	return limit;
}

static struct lpm_node *node_new(struct lpm *t, const struct lpm_key *k, const void *value)
{
	size_t size = t->value_off + (value ? t->map.stride : 0);
	struct lpm_node *n = calloc(1, size);

	if (!n)
		return NULL;
	n->prefixlen = k->prefixlen;
	memcpy(n->data, k->data, t->data_size);
	if (value)
		memcpy(node_value(t, n), value, t->map.def.value_size);
	else
		n->flags = LPM_IM;
	return n;
}

/* The longest match: RCU walk for programs, or under the lock. */
static struct lpm_node *lpm_find(struct lpm *t, const struct lpm_key *k)
{
	struct lpm_node *n, *found = NULL;
	uint32_t m;

	if (k->prefixlen > t->max_prefixlen)
		return NULL;
	for (n = vx_rcu_load(t->root); n;) {
		m = match_len(n, k);
		if (m == t->max_prefixlen)
			return n;
		if (m < n->prefixlen)
			break;
		if (!is_im(n))
			found = n;
		n = vx_rcu_load(n->child[bit_at(k->data, n->prefixlen)]);
	}
	return found;
}

/* ---- update ---- */

/* A prefix is about to gain a value. */
static int add_check(struct lpm *t, uint64_t flags)
{
	if (flags == VX_EXIST)
		return -ENOENT;
	if (t->n_entries == t->map.def.max_entries)
		return -ENOSPC;
	t->n_entries++;
	return 0;
}

/* The node at *slot has exactly the new prefix: the new node takes its place. */
static int replace_node(struct lpm *t, struct lpm_node **slot, struct lpm_node *nn,
			uint64_t flags, struct lpm_node **gone)
{
	struct lpm_node *n = *slot;
	int ret;

	if (!is_im(n) && flags == VX_NOEXIST)
		return -EEXIST;
	if (is_im(n) && (ret = add_check(t, flags)))
		return ret;
	nn->child[0] = n->child[0];
	nn->child[1] = n->child[1];
	vx_rcu_store(*slot, nn);
	*gone = n;
	return 0;
}

/* Neither prefix contains the other: an intermediate node at their common prefix joins them. */
static int split(struct lpm *t, struct lpm_node **slot, struct lpm_node *nn, uint32_t m)
{
	struct lpm_key ik = { m, (*slot)->data };
	struct lpm_node *im = node_new(t, &ik, NULL), *n = *slot;
	unsigned b;

	if (!im) {
		t->n_entries--;
		return -ENOMEM;
	}
	b = bit_at(nn->data, m);
	im->child[b] = nn;
	im->child[!b] = n;
	vx_rcu_store(*slot, im);
	return 0;
}

static int insert_locked(struct lpm *t, struct lpm_node *nn, uint64_t flags,
			 struct lpm_node **gone)
{
	struct lpm_key k = { nn->prefixlen, nn->data };
	struct lpm_node **slot = &t->root, *n;
	uint32_t m = 0;
	int ret;

	while ((n = *slot)) {
		m = match_len(n, &k);
		if (n->prefixlen != m || n->prefixlen == k.prefixlen)
			break;
		slot = &n->child[bit_at(k.data, n->prefixlen)];
	}
	if (n && n->prefixlen == m)
		return replace_node(t, slot, nn, flags, gone);
	ret = add_check(t, flags);
	if (ret)
		return ret;
	if (!n) {
		vx_rcu_store(*slot, nn);
		return 0;
	}
	if (m == k.prefixlen) {
		/* The new prefix contains the node's: it becomes the node's parent. */
		nn->child[bit_at(n->data, m)] = n;
		vx_rcu_store(*slot, nn);
		return 0;
	}
	return split(t, slot, nn, m);
}

static long lpm_update_elem(struct vx_map *map, const void *key, const void *value,
			    uint64_t flags)
{
	struct lpm *t = to_lpm(map);
	struct lpm_key k = key_parts(key);
	struct lpm_node *nn, *gone = NULL;
	int ret;

	if (flags > VX_EXIST || k.prefixlen > t->max_prefixlen)
		return -EINVAL;
	nn = node_new(t, &k, value);
	if (!nn)
		return -ENOMEM;
	pthread_mutex_lock(&t->lock);
	ret = insert_locked(t, nn, flags, &gone);
	pthread_mutex_unlock(&t->lock);
	if (ret)
		free(nn);
	if (gone)
		vx_rcu_free(&gone->rcu);
	return ret;
}

/* ---- delete ---- */

static int delete_locked(struct lpm *t, const struct lpm_key *k, struct lpm_node *gone[2])
{
	struct lpm_node **trim = &t->root, **trim2 = trim, *n, *parent = NULL, *child;
	uint32_t m = 0;

	while ((n = *trim)) {
		m = match_len(n, k);
		if (n->prefixlen != m || n->prefixlen == k->prefixlen)
			break;
		parent = n;
		trim2 = trim;
		trim = &n->child[bit_at(k->data, n->prefixlen)];
	}
	if (!n || n->prefixlen != k->prefixlen || n->prefixlen != m || is_im(n))
		return -ENOENT;
	t->n_entries--;
	if (n->child[0] && n->child[1]) {
		__atomic_store_n(&n->flags, n->flags | LPM_IM, __ATOMIC_RELEASE);
		return 0;
	}
	if (parent && is_im(parent) && !n->child[0] && !n->child[1]) {
		/* An intermediate node left with one child goes: that child moves up. */
		vx_rcu_store(*trim2, parent->child[parent->child[0] == n]);
		gone[0] = parent;
		gone[1] = n;
		return 0;
	}
	child = n->child[0] ? n->child[0] : n->child[1];
	vx_rcu_store(*trim, child);
	gone[0] = n;
	return 0;
}

static long lpm_delete_elem(struct vx_map *map, const void *key)
{
	struct lpm *t = to_lpm(map);
	struct lpm_key k = key_parts(key);
	struct lpm_node *gone[2] = { NULL, NULL };
	int ret;

	if (k.prefixlen > t->max_prefixlen)
		return -EINVAL;
	pthread_mutex_lock(&t->lock);
	ret = delete_locked(t, &k, gone);
	pthread_mutex_unlock(&t->lock);
	if (gone[0])
		vx_rcu_free(&gone[0]->rcu);
	if (gone[1])
		vx_rcu_free(&gone[1]->rcu);
	return ret;
}

/* ---- get_next_key (lock held) ---- */

/* The first node in post-order below n: left as deep as possible, else right. */
static struct lpm_node *leftmost(struct lpm_node *n)
{
	struct lpm_node *found = NULL;

	while (n) {
		if (is_im(n)) {
			n = n->child[0];
			continue;
		}
		found = n;
		n = n->child[0] ? n->child[0] : n->child[1];
	}
	return found;
}

/* The node after the key's exact node in post-order; NULL after the last; *missing if absent. */
static struct lpm_node *next_node(struct lpm *t, const struct lpm_key *k, struct lpm_node **stack,
				  bool *missing)
{
	struct lpm_node *n, *parent;
	int sp = -1;
	uint32_t m = 0;

	for (n = t->root; n;) {
		stack[++sp] = n;
		m = match_len(n, k);
		if (n->prefixlen != m || n->prefixlen == k->prefixlen)
			break;
		n = n->child[bit_at(k->data, n->prefixlen)];
	}
	*missing = !n || n->prefixlen != k->prefixlen || n->prefixlen != m || is_im(n);
	if (*missing)
		return NULL;
	for (; sp > 0; sp--, n = parent) {
		parent = stack[sp - 1];
		if (parent->child[0] == n && parent->child[1])
			return leftmost(parent->child[1]);
		if (!is_im(parent))
			return parent;
	}
	return NULL;
}

static void key_out(const struct lpm *t, const struct lpm_node *n, void *key)
{
	memcpy(key, &n->prefixlen, sizeof(n->prefixlen));
	memcpy((unsigned char *)key + sizeof(n->prefixlen), n->data, t->data_size);
}

static int next_key_locked(struct lpm *t, const void *key, void *next_key)
{
	struct lpm_key k;
	struct lpm_node **stack, *n;
	bool missing = true;

	if (!t->root)
		return -ENOENT;
	n = NULL;
	if (key) {
		k = key_parts(key);
		if (k.prefixlen <= t->max_prefixlen) {
			stack = malloc(((size_t)t->max_prefixlen + 1) * sizeof(*stack));
			if (!stack)
				return -ENOMEM;
			n = next_node(t, &k, stack, &missing);
			free(stack);
		}
	}
	if (missing)
		n = leftmost(t->root);
	if (!n)
		return -ENOENT;
	key_out(t, n, next_key);
	return 0;
}

/* ---- map operations ---- */

static struct vx_map *lpm_alloc(const struct vx_map *proto, struct vx_error *err)
{
	struct lpm *t = calloc(1, sizeof(*t));

	(void)err;
	if (!t)
		return NULL;
	t->map = *proto;
	t->data_size = proto->def.key_size - 4;
	t->max_prefixlen = t->data_size * 8;
	t->value_off = offsetof(struct lpm_node, data) + VX_ROUND_UP(t->data_size, 8);
	pthread_mutex_init(&t->lock, NULL);
	return &t->map;
}

static void free_nodes(struct lpm_node *n)
{
	if (!n)
		return;
	free_nodes(n->child[0]);
	free_nodes(n->child[1]);
	free(n);
}

static void lpm_free(struct vx_map *map)
{
	struct lpm *t = to_lpm(map);

	free_nodes(t->root);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

static void *lpm_lookup_elem(struct vx_map *map, const void *key)
{
	struct lpm *t = to_lpm(map);
	struct lpm_key k = key_parts(key);
	struct lpm_node *n = lpm_find(t, &k);

	return n ? node_value(t, n) : NULL;
}

static int lpm_lookup(struct vx_map *map, const void *key, void *value)
{
	struct lpm *t = to_lpm(map);
	struct lpm_key k = key_parts(key);
	struct lpm_node *n;

	pthread_mutex_lock(&t->lock);
	n = lpm_find(t, &k);
	if (n)
		memcpy(value, node_value(t, n), map->def.value_size);
	pthread_mutex_unlock(&t->lock);
	return n ? 0 : -ENOENT;
}

static int lpm_update(struct vx_map *map, const void *key, const void *value, uint64_t flags)
{
	return (int)lpm_update_elem(map, key, value, flags);
}

static int lpm_delete(struct vx_map *map, const void *key)
{
	return (int)lpm_delete_elem(map, key);
}

static int lpm_get_next_key(struct vx_map *map, const void *key, void *next_key)
{
	struct lpm *t = to_lpm(map);
	int ret;

	pthread_mutex_lock(&t->lock);
	ret = next_key_locked(t, key, next_key);
	pthread_mutex_unlock(&t->lock);
	return ret;
}

/* Entries copied out under the lock in post-order, so fn runs with no lock held. */
struct snap {
	unsigned char *buf;
	size_t n, rec, key_room;
};

static void snap_nodes(struct lpm *t, struct lpm_node *n, struct snap *s)
{
	unsigned char *p;

	if (!n)
		return;
	snap_nodes(t, n->child[0], s);
	snap_nodes(t, n->child[1], s);
	if (is_im(n))
		return;
	p = s->buf + s->n++ * s->rec;
	key_out(t, n, p);
	memcpy(p + s->key_room, node_value(t, n), t->map.def.value_size);
}

static int lpm_dump(struct vx_map *map, vx_map_dump_fn fn, void *arg)
{
	struct lpm *t = to_lpm(map);
	struct snap s = { 0 };
	size_t i;
	int ret = 0;

	s.key_room = VX_ROUND_UP((size_t)map->def.key_size, 8);
	s.rec = s.key_room + map->stride;
	pthread_mutex_lock(&t->lock);
	s.buf = malloc(((size_t)t->n_entries + 1) * s.rec);
	if (s.buf)
		snap_nodes(t, t->root, &s);
	pthread_mutex_unlock(&t->lock);
	if (!s.buf)
		return -ENOMEM;
	for (i = 0; i < s.n && !ret; i++)
		ret = fn(s.buf + i * s.rec, s.buf + i * s.rec + s.key_room, arg);
	free(s.buf);
	return ret;
}

/* bpf_for_each_map_elem does not take LPM tries (the kernel's verifier refuses them). */
const struct vx_map_ops vx_lpm_ops = {
	.alloc = lpm_alloc,
	.free = lpm_free,
	.lookup_elem = lpm_lookup_elem,
	.update_elem = lpm_update_elem,
	.delete_elem = lpm_delete_elem,
	.cp_lookup = lpm_lookup,
	.cp_update = lpm_update,
	.cp_delete = lpm_delete,
	.get_next_key = lpm_get_next_key,
	.dump = lpm_dump,
};
