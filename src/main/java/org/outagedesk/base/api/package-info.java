/**
 * What every feature's REST controllers share: paging ({@code Paging}, {@code PageResponse}), problem responses and
 * the JSON limits. A named interface of the kernel, so that the API pages and fails alike in every feature.
 */
@NamedInterface("api")
package org.outagedesk.base.api;

import org.springframework.modulith.NamedInterface;
