package org.outagedesk.incident;

/** How bad an incident is: SEV1 is the worst (the 2009 Sidekick loss was a SEV1). */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}
