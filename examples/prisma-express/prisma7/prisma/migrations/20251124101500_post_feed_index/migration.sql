-- CreateIndex
CREATE INDEX "Post_published_updatedAt_idx" ON "Post"("published", "updatedAt");
