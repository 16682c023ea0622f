// SPDX-License-Identifier: BSD-2-Clause
/*
 * rcu.c - the engine's RCU: thin wrappers over liburcu's QSBR flavour for the threads that run
 * programs, and deferred reclamation that any thread may request.
 *
 * liburcu's call_rcu() needs a registered, online caller, and synchronize_rcu() must not run
 * with a grace period's reader still in use. Maps free memory from both sides: from worker
 * threads in the middle of a program (which must never wait) and from control threads that are
 * not registered at all. So frees go to one queue under a mutex, and a reclaimer thread of our
 * own (not registered: it is no reader) takes the whole queue, waits one grace period with
 * synchronize_rcu() and runs the callbacks. Everything queued while it waits forms the next
 * batch, so a flood of frees costs one grace period per batch, not per object.
 */
#include <pthread.h>
#include <stdlib.h>

#include <urcu/urcu-qsbr.h>

#include "map_priv.h"

static pthread_mutex_t rcu_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t rcu_work = PTHREAD_COND_INITIALIZER; /* queue no longer empty */
static pthread_cond_t rcu_done = PTHREAD_COND_INITIALIZER; /* a batch was freed */
static struct vx_rcu_head *rcu_queue;	/* newest first */
static uint64_t rcu_queued, rcu_freed;	/* callbacks queued / run, ever */
static bool rcu_started;

static __thread bool rcu_registered, rcu_paused;

/*
 * ThreadSanitizer cannot see the ordering liburcu's grace periods give (the library is not
 * instrumented): tell it that whatever a reader did before a quiescent state happens before
 * what follows the end of a grace period.
 */
#if defined(__SANITIZE_THREAD__)
#define VX_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define VX_TSAN 1
#endif
#endif

#ifdef VX_TSAN
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
static char tsan_grace;
#define reader_quiescent() __tsan_release(&tsan_grace)
#define grace_period_over() __tsan_acquire(&tsan_grace)
#else
#define reader_quiescent() ((void)0)
#define grace_period_over() ((void)0)
#endif

static void synchronize(void)
{
	urcu_qsbr_synchronize_rcu();
	grace_period_over();
}

static struct vx_rcu_head *take_batch(uint64_t *seq)
{
	struct vx_rcu_head *batch;

	pthread_mutex_lock(&rcu_lock);
	while (!rcu_queue)
		pthread_cond_wait(&rcu_work, &rcu_lock);
	batch = rcu_queue;
	rcu_queue = NULL;
	*seq = rcu_queued;
	pthread_mutex_unlock(&rcu_lock);
	return batch;
}

static void run_batch(struct vx_rcu_head *batch)
{
	struct vx_rcu_head *next;

	for (; batch; batch = next) {
		next = batch->next;
		batch->fn(batch);
	}
}

static void *reclaimer(void *arg)
{
	struct vx_rcu_head *batch;
	uint64_t seq;

	(void)arg;
	for (;;) {
		batch = take_batch(&seq);
		synchronize();
		run_batch(batch);
		pthread_mutex_lock(&rcu_lock);
		rcu_freed = seq;
		pthread_cond_broadcast(&rcu_done);
		pthread_mutex_unlock(&rcu_lock);
	}
	return NULL;
}

/* Called with rcu_lock held. On failure the callbacks stay queued: memory is kept, not lost. */
static void start_reclaimer(void)
{
	pthread_attr_t attr;
	pthread_t tid;

	if (rcu_started)
		return;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (!pthread_create(&tid, &attr, reclaimer, NULL))
		rcu_started = true;
	pthread_attr_destroy(&attr);
}

void vx_rcu_call(struct vx_rcu_head *head, void (*fn)(struct vx_rcu_head *head))
{
	head->fn = fn;
	pthread_mutex_lock(&rcu_lock);
	start_reclaimer();
	head->next = rcu_queue;
	rcu_queue = head;
	rcu_queued++;
	pthread_cond_signal(&rcu_work);
	pthread_mutex_unlock(&rcu_lock);
}

static void free_head(struct vx_rcu_head *head)
{
	free(head);
}

void vx_rcu_free(struct vx_rcu_head *head)
{
	if (head)
		vx_rcu_call(head, free_head);
}

void vx_rcu_thread_online(void)
{
	if (rcu_registered) {
		vx_rcu_thread_resume();
		return;
	}
	urcu_qsbr_register_thread();
	rcu_registered = true;
	rcu_paused = false;
}

void vx_rcu_quiescent(void)
{
	if (!rcu_registered || rcu_paused)
		return;
	reader_quiescent();
	urcu_qsbr_quiescent_state();
}

void vx_rcu_thread_offline(void)
{
	if (!rcu_registered)
		return;
	reader_quiescent();
	if (rcu_paused)
		urcu_qsbr_thread_online();
	urcu_qsbr_unregister_thread();
	rcu_registered = false;
	rcu_paused = false;
}

void vx_rcu_thread_pause(void)
{
	if (!rcu_registered || rcu_paused)
		return;
	reader_quiescent();
	urcu_qsbr_thread_offline();
	rcu_paused = true;
}

void vx_rcu_thread_resume(void)
{
	if (!rcu_registered || !rcu_paused)
		return;
	urcu_qsbr_thread_online();
	rcu_paused = false;
}

void vx_rcu_synchronize(void)
{
	/* liburcu's QSBR synchronize_rcu() takes an online caller offline while it waits. */
	reader_quiescent();
	synchronize();
}

void vx_rcu_barrier(void)
{
	bool online = rcu_registered && !rcu_paused;
	uint64_t target;

	/* The reclaimer's grace period would wait for this very thread: step aside. */
	if (online) {
		reader_quiescent();
		urcu_qsbr_thread_offline();
	}
	pthread_mutex_lock(&rcu_lock);
	target = rcu_queued;
	while (rcu_started && rcu_freed < target)
		pthread_cond_wait(&rcu_done, &rcu_lock);
	pthread_mutex_unlock(&rcu_lock);
	if (online)
		urcu_qsbr_thread_online();
}
