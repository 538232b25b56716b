package io.ctimw.adapters.ctiws;

/** The stateless helpers and shared tables one link instance is made of, built together by the gateway. */
record LinkParts(CtiJsonCodec codec, RidGenerator rids, LinkCounters counters, PendingReplies pending,
                 InboundRouter router) {

    static LinkParts of(CtiLinkSettings settings) {
        CtiJsonCodec codec = new CtiJsonCodec();
        RidGenerator rids = new RidGenerator();
        LinkCounters counters = new LinkCounters();
        PendingReplies pending = new PendingReplies(settings.replyTimeout());
        return new LinkParts(codec, rids, counters, pending, new InboundRouter(codec, pending, rids, counters));
    }
}
