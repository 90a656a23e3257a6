/* Shared by the sentence files (explain_sentence.c, explain_sentence_dns.c,
 * explain_sentence_progress.c); not for other modules. A writer writes into
 * the caller's buffer and keeps counting when it is full, like snprintf. */
#ifndef WIALL_CORE_EXPLAIN_SENTENCE_INTERNAL_H
#define WIALL_CORE_EXPLAIN_SENTENCE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/explain.h"

#define EXPLAIN_SENTENCE_MINUS	"\xe2\x88\x92"	/* U+2212 MINUS SIGN */

/* A bounded writer: keeps counting when the buffer is full, like snprintf. */
struct explain_sentence_writer {
	char	*buf;
	size_t	 size;
	size_t	 len;
	bool	 en;
	const struct explain_subject *subject;
	const struct explain *e;
	int	 level_decimals;
};

/* explain_sentence.c: the writer, numbers in the record's unit, phrases. */
void	explain_sentence_put(struct explain_sentence_writer *w,
	    const char *fmt, ...) __attribute__((format(printf, 2, 3)));
double	explain_sentence_q(const struct explain *e, enum explain_quantity q);
int	explain_sentence_exact_decimals(double v);
void	explain_sentence_put_number(struct explain_sentence_writer *w, double v,
	    int decimals);
void	explain_sentence_put_value(struct explain_sentence_writer *w, double v);
void	explain_sentence_put_target(struct explain_sentence_writer *w,
	    double v);
void	explain_sentence_put_change(struct explain_sentence_writer *w,
	    double v);
void	explain_sentence_put_signed_change(struct explain_sentence_writer *w,
	    double v);
void	explain_sentence_put_percent(struct explain_sentence_writer *w,
	    double ratio);
void	explain_sentence_put_rate(struct explain_sentence_writer *w,
	    double rate);
void	explain_sentence_put_subject(struct explain_sentence_writer *w);
void	explain_sentence_verb(struct explain_sentence_writer *w,
	    const char *de1, const char *de2,
	    const char *en1, const char *en2);
void	explain_sentence_put_trend(struct explain_sentence_writer *w,
	    double mean);
void	explain_sentence_put_target_phrase(struct explain_sentence_writer *w,
	    bool article);

/* explain_sentence_dns.c: one sentence per rule of §2.2 and §2.5. */
void	explain_sentence_dns_projection(struct explain_sentence_writer *w);
void	explain_sentence_dns_level(struct explain_sentence_writer *w);
void	explain_sentence_dns_direction(struct explain_sentence_writer *w);
void	explain_sentence_dns_reference(struct explain_sentence_writer *w);

/* explain_sentence_progress.c: Eurostat (§2.3) and Open SDG (§2.4). */
void	explain_sentence_progress_eurostat(struct explain_sentence_writer *w);
void	explain_sentence_progress_opensdg(struct explain_sentence_writer *w);

#endif
