/* Shared by the files of `wiall structure` (cmd_structure.c parses the options
 * and runs the report; cmd_structure_table.c and cmd_structure_csv.c print
 * it); not for other commands. The report stays the caller's. */
#ifndef WIALL_CLI_CMD_STRUCTURE_INTERNAL_H
#define WIALL_CLI_CMD_STRUCTURE_INTERNAL_H

#include <stdio.h>

#include "app/structure.h"

/* The report as text for people: one region in detail, or a matrix. */
void	cmd_structure_table(FILE *fp, const struct app_structure_report *r);
/* The report as CSV: region,period,shock,measure,sector,value,status. */
void	cmd_structure_csv(FILE *fp, const struct app_structure_report *r);

#endif
