-- The aggregates of one item (cross-tab, pair heatmap, texts) read that item's answers through this
-- index instead of scanning every answer (scripts/bench/RESULTS.md, aggregates).
-- CreateIndex
CREATE INDEX "Answer_itemCode_responseId_idx" ON "Answer"("itemCode", "responseId");
