/**
 * The console's frame and the pieces every screen shares: {@code MainLayout}, {@code ViewToolbar}, notifications,
 * field errors, shown times and words, {@code ToolbarContribution}. A named interface of the kernel: every feature's
 * {@code ui} package builds on it, and it knows no feature.
 */
@NamedInterface("ui")
package org.outagedesk.base.ui;

import org.springframework.modulith.NamedInterface;
